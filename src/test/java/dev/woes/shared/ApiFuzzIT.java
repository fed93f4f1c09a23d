package dev.woes.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.woes.support.ApiTest;
import dev.woes.support.SampleValues;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated requests against every operation of the served {@code /openapi.json}: wrong
 * types, missing and extra fields, huge strings, odd Unicode (NUL, lone surrogates),
 * malformed JSON, bad ids, bad query values, wrong content types and huge numbers. No
 * answer may be a 5xx, and every 4xx is exactly {@code {"code", "error"}}. New routes are
 * fuzzed as soon as they are documented.
 *
 * <p>
 * The cases are drawn from one seeded random sequence, so a run is reproducible. More
 * cases or another seed:
 * {@code ./mvnw verify -Dit.test=ApiFuzzIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dwoes.fuzz.cases=50000 -Dwoes.fuzz.seed=7}
 * (failsafe hands {@code -D} properties to the test's JVM). A failure names the case's
 * number, request and answer.
 */
class ApiFuzzIT extends ApiTest {

	private static final int MAX_BODY = 1024 * 1024;

	static final long SEED = Long.getLong("woes.fuzz.seed", 20261121L);

	static final int CASES = Integer.getInteger("woes.fuzz.cases", 6000);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> ODD_TEXTS = List.of("\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83dy",
			"\ud83d\ude00", "\u202e\u202d", "\u200b\u200c\u200d\ufeff", "e\u0301\u0301\u0301", "\uffff\ufffe",
			"\u0007\u001b[31m", "\r\n\t", "' OR 1=1 --", "%00", "${jndi:ldap://x}", "<script>alert(1)</script>",
			"\\u0000", "null", "\ud800\udc00".repeat(3), "\u0085\u2028\u2029", " ");

	private static final List<String> BAD_IDS = List.of("not-a-uuid", "0", "-1", "00000000-0000-0000-0000-000000000000",
			"ffffffff-ffff-ffff-ffff-ffffffffffff", "0190F3A1-0000-7000-8000-000000000000",
			"{0190f3a1-0000-7000-8000-000000000000}", "0190f3a100007000800000000000000",
			"0190f3a1-0000-7000-8000-0000000000000", "%00", "..", "%2e%2e", "x".repeat(5000), "\u00e9t\u00e9", "1e400",
			"null", "%C0%AF", "'", "%2F");

	private static final List<String> MALFORMED = List.of("", "{", "}", "[", "[]", "{}}", "{\"a\":}", "{,}",
			"{\"a\" 1}", "{'a': 1}", "nul", "null", "true", "1", "\"text\"", "{\"a\":1,}", "\ufeff{}", "{\"\\x\":1}",
			"{\"a\":\"\\ud800\"}", "{\"a\":\"\\u00\"}", "{\"a\":\"raw\u0001control\"}", "[".repeat(5000),
			"{\"a\":".repeat(3000), "{\"a\":1e999999}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":0x10}", "{\"a\":01}",
			"{\"a\":-}", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing", "\u0000", "{\"body\":\"x\",\"body\":\"y\"}",
			"/* comment */ {}", "{\"a\":\"\\\"}");

	private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1",
			"application/json; charset=utf-16", "application/json-patch+json", "application/merge-patch+json", "*/*",
			"application/", "json", "", "application/json; charset=nonsense", "text/html;;;");

	private static final List<String> NUMBERS = List.of("1e400", "-1e400", "123456789012345678901234567890",
			"-123456789012345678901234567890", "9223372036854775808", "-9223372036854775809", "1.5", "-0", "0", "-1",
			"2147483648", "1E+2", "0.0000000000000000000000001");

	private static final List<String> QUERY_VALUES = List.of("", "-1", "0", "1", "101", "1001", "99999999999999999999",
			"1e3", "abc", "1.5", " 1", "0x10", "%00", "\u0000", "\ud800", "\u00e9", "x".repeat(3000), "open", "solved",
			"api", "0190f3a1-0000-7000-8000-000000000000", "not-a-uuid", "true", "null", "[]", "{}");

	@Test
	void everyGeneratedRequestIsAnsweredWithoutA5xxAndEvery4xxHasTheErrorShape() throws Exception {
		JsonNode document = get(null, "/openapi.json").json();
		SampleValues samples = new SampleValues(document);
		List<Operation> operations = operations(document, samples);
		assertThat(operations).isNotEmpty();

		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_fuzz", "Fuzzing");
		String messageId = postMessage(tenant, conversationId, "hello");
		Map<String, String> knownIds = Map.of("conversationId", conversationId, "messageId", messageId);

		Random random = new Random(SEED);
		List<Case> cases = new ArrayList<>(CASES);
		for (int i = 0; i < CASES; i++) {
			Operation operation = operations.get(i % operations.size());
			cases.add(generate(i, operation, samples, random, tenant.key(), knownIds));
		}

		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		Set<String> fuzzed = Collections.synchronizedSet(new TreeSet<>());
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<?>> sent = new ArrayList<>();
			for (Case each : cases) {
				sent.add(pool.submit(() -> {
					Reply reply;
					try {
						reply = exchange(this.port, each.key(), each.method(), each.path(), each.body(),
								each.headers());
					}
					catch (IllegalStateException ex) {
						if (each.body() != null && each.body().length() > MAX_BODY) {
							// The server answers 413 and closes the connection while the
							// client is still sending; the reset may swallow the answer.
							fuzzed.add(each.operation());
							return;
						}
						throw ex;
					}
					fuzzed.add(each.operation());
					String problem = problem(reply);
					if (problem != null) {
						failures.add("case " + each.number() + " (seed " + SEED + "): " + each.describe() + " -> "
								+ reply.status() + " " + abbreviate(reply.body()) + ": " + problem);
					}
				}));
			}
			for (Future<?> each : sent) {
				each.get();
			}
		}

		assertThat(failures).as("answers out of shape").isEmpty();
		assertThat(fuzzed).containsExactlyInAnyOrderElementsOf(operations.stream().map(Operation::name).toList());
		System.out.printf("fuzzing: %d requests over %d operations, seed %d%n", cases.size(), operations.size(), SEED);
	}

	private static String problem(Reply reply) {
		if (reply.status() >= 500) {
			return "a server error";
		}
		if (reply.status() < 400) {
			return null;
		}
		JsonNode body;
		try {
			body = JSON.readTree(reply.body());
		}
		catch (RuntimeException ex) {
			return "an error body that is not JSON";
		}
		if (body == null || !body.isObject()) {
			return "an error body that is not an object";
		}
		Set<String> fields = new TreeSet<>(body.propertyNames());
		if (!fields.equals(Set.of("code", "error"))) {
			return "error fields " + fields + " instead of [code, error]";
		}
		if (!body.path("code").isString() || !body.path("error").isString()
				|| body.path("error").asString().isBlank()) {
			return "code and error must be non-empty strings";
		}
		return null;
	}

	private static List<Operation> operations(JsonNode document, SampleValues samples) {
		List<Operation> operations = new ArrayList<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			JsonNode operation = method.getValue();
			Map<String, JsonNode> query = new LinkedHashMap<>();
			List<String> pathVariables = new ArrayList<>();
			for (JsonNode parameter : operation.path("parameters")) {
				JsonNode resolved = samples.resolve(parameter);
				if (resolved.path("in").asString().equals("query")) {
					query.put(resolved.path("name").asString(), resolved.path("schema"));
				}
				else if (resolved.path("in").asString().equals("path")) {
					pathVariables.add(resolved.path("name").asString());
				}
			}
			JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
			operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), pathVariables, query,
					schema.isMissingNode() ? null : samples.valid(schema), schema.isMissingNode() ? null : schema));
		}));
		return operations;
	}

	private static Case generate(int number, Operation operation, SampleValues samples, Random random, String key,
			Map<String, String> knownIds) {
		String kind;
		String path = operation.path();
		for (String variable : operation.pathVariables()) {
			String value = (random.nextInt(4) == 0) ? pick(random, BAD_IDS)
					: knownIds.getOrDefault(variable, "0190f3a1-0000-7000-8000-00000000000b");
			path = path.replace("{" + variable + "}", encodePath(value));
		}
		StringBuilder query = new StringBuilder();
		if (!operation.query().isEmpty() && random.nextInt(3) == 0) {
			List<String> names = new ArrayList<>(operation.query().keySet());
			int count = 1 + random.nextInt(3);
			for (int i = 0; i < count; i++) {
				String name = (random.nextInt(8) == 0) ? pick(random, List.of("unknown", "limit[]", "LIMIT", "", "%00"))
						: pick(random, names);
				query.append((query.length() == 0) ? '?' : '&')
					.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
					.append('=')
					.append(URLEncoder.encode(pick(random, QUERY_VALUES), StandardCharsets.UTF_8));
			}
		}
		Map<String, String> headers = new LinkedHashMap<>();
		String body = null;
		if (operation.sample() != null) {
			int mutation = random.nextInt(12);
			ObjectNode valid = (ObjectNode) operation.sample().deepCopy();
			switch (mutation) {
				case 0 -> {
					kind = "valid body";
					body = valid.toString();
				}
				case 1 -> {
					kind = "a field missing";
					removeRandomField(valid, random);
					body = valid.toString();
				}
				case 2 -> {
					kind = "an extra field";
					valid.put(pick(random, List.of("extra", "id", "workspaceId", "object", "createdAt", "__proto__")),
							pick(random, ODD_TEXTS));
					body = valid.toString();
				}
				case 3 -> {
					kind = "a field of the wrong type";
					replaceRandomField(valid, random, wrongType(random));
					body = valid.toString();
				}
				case 4 -> {
					kind = "a huge string";
					replaceRandomField(valid, random,
							NODES.stringNode("x".repeat((random.nextInt(10) == 0) ? 1_500_000 : 70_000)));
					body = valid.toString();
				}
				case 5 -> {
					kind = "odd unicode";
					replaceRandomField(valid, random, NODES.stringNode(pick(random, ODD_TEXTS)));
					body = valid.toString();
				}
				case 6 -> {
					kind = "malformed JSON";
					body = pick(random, MALFORMED);
				}
				case 7 -> {
					kind = "a wrong content type";
					body = valid.toString();
					headers.put("Content-Type", pick(random, CONTENT_TYPES));
				}
				case 8 -> {
					kind = "a huge number";
					String marker = "\"__number__\"";
					replaceRandomField(valid, random, NODES.stringNode("__number__"));
					body = valid.toString().replace(marker, pick(random, NUMBERS));
				}
				case 9 -> {
					kind = "null fields";
					replaceRandomField(valid, random, NODES.nullNode());
					body = valid.toString();
				}
				case 10 -> {
					kind = "a body that is not an object";
					body = pick(random, List.of("[" + valid + "]", "\"" + valid.toString().replace("\"", "\\\"") + "\"",
							"42", "[]", "{\"body\": " + valid + "}"));
				}
				default -> {
					kind = "no body";
				}
			}
		}
		else {
			int mutation = random.nextInt(6);
			kind = switch (mutation) {
				case 0 -> {
					body = pick(random, MALFORMED);
					yield "an unexpected body";
				}
				case 1 -> {
					headers.put("Content-Type", pick(random, CONTENT_TYPES));
					body = "{}";
					yield "an unexpected body with a wrong content type";
				}
				default -> "bad path or query values";
			};
		}
		String usedKey = key;
		if (random.nextInt(50) == 0) {
			usedKey = pick(random, List.of("woesk_" + "A".repeat(43), "nonsense", "woesk_\u00e9"));
			kind += ", a bad key";
			if (usedKey.chars().anyMatch((c) -> c > 127)) {
				usedKey = "woesk_x";
			}
		}
		return new Case(number, operation.name(), kind, operation.method(), path + query, body, headers, usedKey);
	}

	private static JsonNode wrongType(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> NODES.numberNode(random.nextInt());
			case 1 -> NODES.booleanNode(random.nextBoolean());
			case 2 -> NODES.objectNode().put("nested", "value");
			case 3 -> NODES.arrayNode().add("item").add(1);
			case 4 -> NODES.stringNode("not-of-this-type");
			case 5 -> NODES.numberNode(1.5);
			default -> NODES.arrayNode();
		};
	}

	private static void removeRandomField(ObjectNode object, Random random) {
		ObjectNode target = randomObject(object, random);
		List<String> names = new ArrayList<>(target.propertyNames());
		if (!names.isEmpty()) {
			target.remove(pick(random, names));
		}
	}

	private static void replaceRandomField(ObjectNode object, Random random, JsonNode value) {
		ObjectNode target = randomObject(object, random);
		List<String> names = new ArrayList<>(target.propertyNames());
		target.set(names.isEmpty() ? "field" : pick(random, names), value);
	}

	/**
	 * The object itself or one nested in it, each about equally likely.
	 */
	private static ObjectNode randomObject(ObjectNode object, Random random) {
		List<ObjectNode> objects = new ArrayList<>();
		collectObjects(object, objects);
		return pick(random, objects);
	}

	private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
		if (node instanceof ObjectNode object) {
			objects.add(object);
		}
		if (node.isContainer()) {
			for (JsonNode child : (node instanceof ArrayNode array) ? array.values() : node.values()) {
				collectObjects(child, objects);
			}
		}
	}

	private static String encodePath(String value) {
		if (value.startsWith("%") || value.equals("..")) {
			return value;
		}
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

	record Operation(String method, String path, List<String> pathVariables, Map<String, JsonNode> query,
			JsonNode sample, JsonNode schema) {

		String name() {
			return this.method + " " + this.path;
		}

	}

	record Case(int number, String operation, String kind, String method, String path, String body,
			Map<String, String> headers, String key) {

		String describe() {
			return this.method + " " + abbreviate(this.path) + " (" + this.kind + ")"
					+ ((this.body != null) ? " body " + abbreviate(this.body) : "")
					+ (this.headers.isEmpty() ? "" : " headers " + this.headers);
		}

	}

}

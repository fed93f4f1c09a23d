package dev.woes.idempotency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write sent with an Idempotency-Key happens once, however often it is retried, and
 * every retry gets the first answer.
 */
class IdempotencyIT extends ApiTest {

	private static final String CONVERSATIONS = "/api/v1/conversations";

	private static final String NEW_CONVERSATION = "{\"subject\": \"Login fails\", \"customer\": {\"id\": \"cus_1\"}}";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Idempotency idempotency;

	@Test
	void aRetryGetsTheFirstAnswerAndWritesNothingMore() {
		Tenant tenant = newTenant();

		Reply first = keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "create-1");
		Reply retry = keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "create-1");

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.header("Content-Type")).startsWith("application/json");
		assertThat(count("conversations", tenant)).isEqualTo(1);
		assertThat(count("events", tenant)).isEqualTo(1);
		assertThat(count("idempotency_keys", tenant)).isEqualTo(1);
	}

	@Test
	void messagesAndUpdatesAreReplayedToo() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_2", "Billing");
		String messages = CONVERSATIONS + "/" + conversation + "/messages";

		Reply message = keyed(tenant, "POST", messages, "{\"body\": \"Hello\"}", "message-1");
		Reply messageAgain = keyed(tenant, "POST", messages, "{\"body\": \"Hello\"}", "message-1");
		Reply solved = keyed(tenant, "PATCH", CONVERSATIONS + "/" + conversation, "{\"status\": \"solved\"}",
				"solve-1");
		Reply reopened = patch(tenant.key(), CONVERSATIONS + "/" + conversation, "{\"status\": \"open\"}");
		Reply solvedAgain = keyed(tenant, "PATCH", CONVERSATIONS + "/" + conversation, "{\"status\": \"solved\"}",
				"solve-1");

		assertThat(message.status()).isEqualTo(201);
		assertThat(messageAgain.body()).isEqualTo(message.body());
		assertThat(count("messages", tenant)).isEqualTo(1);
		assertThat(solved.status()).isEqualTo(200);
		assertThat(reopened.status()).isEqualTo(200);
		assertThat(solvedAgain.status()).isEqualTo(200);
		assertThat(solvedAgain.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(solvedAgain.body()).isEqualTo(solved.body());
		// The replay did not solve the conversation a second time.
		assertThat(get(tenant.key(), CONVERSATIONS + "/" + conversation).json().at("/conversation/status").asString())
			.isEqualTo("open");
	}

	@Test
	void aKeyUsedForAnotherBodyOrRouteIsRefused() {
		Tenant tenant = newTenant();
		assertThat(keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "used").status()).isEqualTo(201);
		String conversation = openConversation(tenant, "cus_3", "Other");

		Reply otherBody = keyed(tenant, "POST", CONVERSATIONS,
				"{\"subject\": \"Something else\", \"customer\": {\"id\": \"cus_1\"}}", "used");
		Reply otherRoute = keyed(tenant, "POST", CONVERSATIONS + "/" + conversation + "/messages", "{\"body\": \"Hi\"}",
				"used");
		Reply otherMethod = keyed(tenant, "PATCH", CONVERSATIONS + "/" + conversation, "{\"priority\": \"high\"}",
				"used");

		for (Reply refused : List.of(otherBody, otherRoute, otherMethod)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().path("code").asString()).isEqualTo("idempotency_key_reused");
			assertThat(refused.json().path("error").asString()).contains("Idempotency-Key");
		}
		assertThat(otherBody.json().path("error").asString()).contains("different request body");
		assertThat(otherRoute.json().path("error").asString()).contains("POST /api/v1/conversations");
		assertThat(count("conversations", tenant)).isEqualTo(2);
		assertThat(count("messages", tenant)).isZero();
	}

	@Test
	void aMalformedKeyIsRefused() {
		Tenant tenant = newTenant();

		for (String key : List.of("", "x".repeat(256), "has space", "tab\there")) {
			Reply refused = keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, key);
			assertThat(refused.status()).as(key).isEqualTo(400);
			assertThat(refused.json().path("code").asString()).isEqualTo("invalid_request");
			assertThat(refused.json().path("error").asString()).startsWith("Idempotency-Key must be 1-255");
		}
		assertThat(count("conversations", tenant)).isZero();
		assertThat(keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "k".repeat(255)).status()).isEqualTo(201);
		assertThat(keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "k").status()).isEqualTo(201);
	}

	@Test
	void aRefusedRequestIsNotStoredSoTheKeyCanBeUsedAgain() {
		Tenant tenant = newTenant();
		assertThat(post(tenant.key(), CONVERSATIONS,
				"{\"subject\": \"A\", \"externalId\": \"ext-1\", \"customer\": {\"id\": \"c\"}}")
			.status()).isEqualTo(201);

		Reply invalid = keyed(tenant, "POST", CONVERSATIONS, "{\"subject\": \"\"}", "retry-me");
		Reply duplicate = keyed(tenant, "POST", CONVERSATIONS,
				"{\"subject\": \"B\", \"externalId\": \"ext-1\", \"customer\": {\"id\": \"c\"}}", "dup");
		Reply duplicateAgain = keyed(tenant, "POST", CONVERSATIONS,
				"{\"subject\": \"B\", \"externalId\": \"ext-1\", \"customer\": {\"id\": \"c\"}}", "dup");
		Reply missing = keyed(tenant, "POST", CONVERSATIONS + "/0190f3a1-0000-7000-8000-000000000000/messages",
				"{\"body\": \"Hi\"}", "missing");
		assertThat(count("idempotency_keys", tenant)).isZero();
		Reply corrected = keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "retry-me");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicateAgain.status()).isEqualTo(409);
		assertThat(duplicateAgain.header("Idempotent-Replayed")).isNull();
		assertThat(missing.status()).isEqualTo(404);
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(count("conversations", tenant)).isEqualTo(2);
		assertThat(count("idempotency_keys", tenant)).isEqualTo(1);
	}

	@Test
	void keysBelongToTheirWorkspace() {
		Tenant one = newTenant();
		Tenant two = newTenant();

		Reply inOne = keyed(one, "POST", CONVERSATIONS, NEW_CONVERSATION, "shared-key");
		Reply inTwo = keyed(two, "POST", CONVERSATIONS, NEW_CONVERSATION, "shared-key");

		assertThat(inOne.status()).isEqualTo(201);
		assertThat(inTwo.status()).isEqualTo(201);
		assertThat(inTwo.header("Idempotent-Replayed")).isNull();
		assertThat(inTwo.json().at("/conversation/id").asString())
			.isNotEqualTo(inOne.json().at("/conversation/id").asString());
		assertThat(count("conversations", one)).isEqualTo(1);
		assertThat(count("conversations", two)).isEqualTo(1);
	}

	@Test
	void aKeyWhoseRequestIsStillRunningAnswers409() {
		Tenant tenant = newTenant();

		// Holds the key the way a running request does: its transaction-scoped lock.
		Reply whileRunning = this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
				.param("lock", "idempotency:" + tenant.workspace().id().value() + ":running")
				.query(Object.class)
				.single();
			return keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "running");
		});
		Reply afterwards = keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "running");

		assertThat(whileRunning.status()).isEqualTo(409);
		assertThat(whileRunning.json().path("code").asString()).isEqualTo("conflict");
		assertThat(whileRunning.header("Retry-After")).isEqualTo("1");
		assertThat(afterwards.status()).isEqualTo(201);
		assertThat(count("conversations", tenant)).isEqualTo(1);
	}

	@Test
	void anExpiredKeyRunsAgainAndExpiredKeysArePurged() {
		Tenant tenant = newTenant();
		Reply first = keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "old");
		age(tenant, "old");

		Reply afterExpiry = keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "old");
		keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "older");
		age(tenant, "older");
		keyed(tenant, "POST", CONVERSATIONS, NEW_CONVERSATION, "fresh");
		int purged = this.idempotency.purgeExpired();

		assertThat(afterExpiry.status()).isEqualTo(201);
		assertThat(afterExpiry.header("Idempotent-Replayed")).isNull();
		assertThat(afterExpiry.json().at("/conversation/id").asString())
			.isNotEqualTo(first.json().at("/conversation/id").asString());
		assertThat(purged).isGreaterThanOrEqualTo(1);
		assertThat(this.jdbc.sql("SELECT idempotency_key FROM idempotency_keys WHERE workspace_id = :w ORDER BY 1")
			.param("w", tenant.workspace().id().value())
			.query(String.class)
			.list()).containsExactly("fresh", "old");
	}

	@Test
	void twoHundredKeysSentFiftyTimesInParallelCreateTwoHundredConversations() throws Exception {
		Tenant tenant = newTenant();
		int keys = 200;
		int copies = 50;
		Map<String, Set<String>> answers = new ConcurrentHashMap<>();
		AtomicInteger inProgress = new AtomicInteger();
		List<Future<?>> sent = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(64)) {
			for (int k = 0; k < keys; k++) {
				String key = "parallel-" + k;
				String body = "{\"subject\": \"Parallel " + k + "\", \"customer\": {\"id\": \"cus_" + k + "\"}}";
				for (int c = 0; c < copies; c++) {
					sent.add(clients.submit(() -> {
						Reply reply = keyed(tenant, "POST", CONVERSATIONS, body, key);
						while (reply.status() == 409) {
							// The first request with this key is still running: retry, as
							// the Retry-After header asks.
							inProgress.incrementAndGet();
							Thread.sleep(20);
							reply = keyed(tenant, "POST", CONVERSATIONS, body, key);
						}
						answers.computeIfAbsent(key, (absent) -> ConcurrentHashMap.newKeySet())
							.add(reply.status() + " " + reply.body());
						return null;
					}));
				}
			}
			for (Future<?> reply : sent) {
				reply.get();
			}
		}

		assertThat(answers).hasSize(keys);
		Set<String> ids = new HashSet<>();
		answers.forEach((key, bodies) -> {
			assertThat(bodies).as(key).hasSize(1);
			String answer = bodies.iterator().next();
			assertThat(answer).as(key).startsWith("201 ");
			ids.add(JSON.readTree(answer.substring(4)).at("/conversation/id").asString());
		});
		assertThat(ids).hasSize(keys);
		assertThat(count("conversations", tenant)).isEqualTo(keys);
		assertThat(count("events", tenant)).isEqualTo(keys);
		assertThat(count("idempotency_keys", tenant)).isEqualTo(keys);
	}

	@Test
	void theOpenApiDocumentOffersTheHeaderOnEveryPostAndPatch() {
		JsonNode paths = get(null, "/openapi.json").json().path("paths");
		List<String> writes = new ArrayList<>();
		paths.properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			if (operation.getKey().equals("post") || operation.getKey().equals("patch")) {
				writes.add(operation.getKey() + " " + path.getKey());
				assertThat(operation.getValue()
					.path("parameters")
					.valueStream()
					.filter((parameter) -> parameter.path("in").asString().equals("header"))
					.map((parameter) -> parameter.path("name").asString())).as(path.getKey())
					.contains("Idempotency-Key");
			}
		}));
		assertThat(writes).contains("post /api/v1/conversations", "patch /api/v1/conversations/{conversationId}");
	}

	private Reply keyed(Tenant tenant, String method, String path, String body, String key) {
		return exchange(this.port, tenant.key(), method, path, body, Map.of("Idempotency-Key", key));
	}

	private void age(Tenant tenant, String key) {
		this.jdbc.sql("""
				UPDATE idempotency_keys SET created_at = created_at - interval '25 hours'
				WHERE workspace_id = :w AND idempotency_key = :k""")
			.param("w", tenant.workspace().id().value())
			.param("k", key)
			.update();
	}

	private long count(String table, Tenant tenant) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE workspace_id = :w")
			.param("w", tenant.workspace().id().value())
			.query(Long.class)
			.single();
	}

}

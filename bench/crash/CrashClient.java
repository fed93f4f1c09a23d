import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clients and the checker of bench/crash-test.sh, in one file run with `java CrashClient.java`.
 *
 * <pre>
 * java CrashClient.java write BASE_URL KEY RUN_ID CLIENTS STOP_FILE ACKS_FILE
 *     CLIENTS threads each open a conversation and post 1-10 messages to it, one after the other,
 *     until STOP_FILE exists, every write with its own Idempotency-Key. A write whose outcome is unknown (no
 *     answer, 5xx, 409 still running, 429) is retried with the same key until it is acknowledged.
 *     Acknowledged writes go to ACKS_FILE, in acknowledgement order per conversation.
 * java CrashClient.java check BASE_URL KEY ACKS_FILE
 *     Reads every acknowledged conversation and its messages back through the API and counts what
 *     is missing, duplicated or out of order. Exits 1 on any loss, duplicate or order violation.
 * </pre>
 */
public class CrashClient {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private static final Pattern BODY = Pattern.compile("\"body\":\"([^\"]*)\"");

	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(300);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "write" -> write(args[1], args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]),
					Path.of(args[6]));
			case "check" -> System.exit(check(args[1], args[2], Path.of(args[3])));
			default -> throw new IllegalArgumentException("write or check");
		}
	}

	// ------------------------------------------------------------------ writing

	record Ack(String line) {
	}

	static final AtomicLong ACKNOWLEDGED = new AtomicLong();

	static final AtomicLong RETRIED = new AtomicLong();

	static final AtomicLong ABANDONED = new AtomicLong();

	static final AtomicLong REFUSED = new AtomicLong();

	static final AtomicLong MALFORMED = new AtomicLong();

	static void write(String base, String key, String run, int clients, Path stop, Path acks) throws Exception {
		List<String> lines = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> running = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				running.add(pool.submit(() -> {
					java.util.Random random = new java.util.Random(client);
					for (int n = 0; !Files.exists(stop); n++) {
						String token = run + "-" + client + "-" + n;
						String created = acknowledged(base, key, "POST", "/api/v1/conversations",
								"{\"subject\": \"Crash " + token + "\", \"customer\": {\"id\": \"" + token + "\"}}",
								"c-" + token);
						if (created == null) {
							continue;
						}
						String conversation = first(ID, created);
						lines.add("C " + conversation + " " + token);
						int messages = 1 + random.nextInt(10);
						for (int i = 0; i < messages && !Files.exists(stop); i++) {
							String answer = acknowledged(base, key, "POST",
									"/api/v1/conversations/" + conversation + "/messages",
									"{\"body\": \"" + token + " #" + i + "\"}", "m-" + token + "-" + i);
							if (answer == null) {
								break;
							}
							lines.add("M " + conversation + " " + first(ID, answer) + " " + i + " " + token);
						}
					}
					return null;
				}));
			}
			for (Future<?> client : running) {
				client.get();
			}
		}
		Files.write(acks, lines);
		System.out.printf(
				"acknowledged %d writes, %d retries, %d abandoned (no answer within %d s), %d refused, %d malformed 2xx%n",
				ACKNOWLEDGED.get(), RETRIED.get(), ABANDONED.get(), GIVE_UP_AFTER.toSeconds(), REFUSED.get(),
				MALFORMED.get());
	}

	/**
	 * Sends the write until it is acknowledged (2xx), retrying an unknown outcome with the same
	 * key. Answers the body, or null when the write was refused or no answer came in time.
	 */
	static String acknowledged(String base, String key, String method, String path, String body, String idempotencyKey)
			throws InterruptedException {
		long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		for (int attempt = 0;; attempt++) {
			if (attempt > 0) {
				RETRIED.incrementAndGet();
				Thread.sleep(Math.min(1000, 50L * attempt));
			}
			if (System.nanoTime() > giveUp) {
				ABANDONED.incrementAndGet();
				return null;
			}
			HttpResponse<String> response;
			try {
				response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
					.timeout(Duration.ofSeconds(10))
					.header("Authorization", "Bearer " + key)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", idempotencyKey)
					.method(method, HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				continue; // no answer: the write may or may not have happened
			}
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				if (!ID.matcher(response.body()).find()) {
					// Not an answer a client can use: treat it as unknown and retry the key.
					MALFORMED.incrementAndGet();
					System.err.println("malformed: " + method + " " + path + " -> " + status + " "
							+ response.headers().map() + " [" + response.body() + "]");
					continue;
				}
				ACKNOWLEDGED.incrementAndGet();
				return response.body();
			}
			if (status >= 500 || status == 409 || status == 429) {
				continue;
			}
			REFUSED.incrementAndGet();
			System.err.println("refused: " + method + " " + path + " -> " + status + " " + response.body());
			return null;
		}
	}

	// ------------------------------------------------------------------ checking

	static int check(String base, String key, Path acks) throws Exception {
		Map<String, String> tokens = new HashMap<>();
		Map<String, List<String>> acknowledgedMessages = new HashMap<>();
		long acknowledged = 0;
		for (String line : Files.readAllLines(acks)) {
			String[] f = line.split(" ");
			acknowledged++;
			if (f[0].equals("C")) {
				tokens.put(f[1], f[2]);
				acknowledgedMessages.put(f[1], new ArrayList<>());
			}
			else {
				acknowledgedMessages.get(f[1]).add(f[2]);
			}
		}
		AtomicLong present = new AtomicLong();
		AtomicLong missing = new AtomicLong();
		AtomicLong duplicates = new AtomicLong();
		AtomicLong orderViolations = new AtomicLong();
		List<Future<?>> checks = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (var conversation : acknowledgedMessages.entrySet()) {
				checks.add(pool.submit(() -> {
					String id = conversation.getKey();
					List<String> expected = conversation.getValue();
					String found = get(base, key, "/api/v1/conversations/" + id);
					if (found == null) {
						missing.addAndGet(1 + expected.size());
						System.err.println("missing conversation " + id + " with " + expected.size() + " messages");
						return null;
					}
					present.incrementAndGet();
					String sameCustomer = get(base, key,
							"/api/v1/conversations?limit=100&customerId=" + tokens.get(id));
					int copies = count(ID, sameCustomer) / 1;
					if (copies > 1) {
						duplicates.addAndGet(copies - 1);
						System.err.println("conversation " + tokens.get(id) + " written " + copies + " times");
					}
					String listed = get(base, key, "/api/v1/conversations/" + id + "/messages?limit=1000");
					List<String> ids = all(ID, listed);
					List<String> bodies = all(BODY, listed);
					if (bodies.size() != bodies.stream().distinct().count()) {
						long extra = bodies.size() - bodies.stream().distinct().count();
						duplicates.addAndGet(extra);
						System.err.println("conversation " + id + ": " + extra + " messages written twice");
					}
					int last = -1;
					for (String message : expected) {
						int position = ids.indexOf(message);
						if (position < 0) {
							missing.incrementAndGet();
							System.err.println("missing message " + message + " of conversation " + id);
							continue;
						}
						present.incrementAndGet();
						if (position < last) {
							orderViolations.incrementAndGet();
							System.err.println("message " + message + " of conversation " + id + " out of order");
						}
						last = position;
					}
					return null;
				}));
			}
			for (Future<?> check : checks) {
				check.get();
			}
		}
		System.out.printf("acknowledged %d, present %d, missing %d, duplicates %d, order violations %d%n", acknowledged,
				present.get(), missing.get(), duplicates.get(), orderViolations.get());
		return (missing.get() + duplicates.get() + orderViolations.get() == 0) ? 0 : 1;
	}

	static String get(String base, String key, String path) throws IOException, InterruptedException {
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + key)
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return null;
			}
			if (response.statusCode() == 200) {
				return response.body();
			}
			if (attempt > 20) {
				throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			Thread.sleep(200);
		}
	}

	static String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

	static List<String> all(Pattern pattern, String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	static int count(Pattern pattern, String text) {
		return all(pattern, text).size();
	}

}

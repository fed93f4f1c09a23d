package dev.woes.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writing clients of the crash test and the check of what they were told.
 *
 * <p>
 * Each client opens a conversation and posts 1-10 messages to it, one write after the
 * other, every write with its own {@code Idempotency-Key}, until told to stop. A write
 * whose outcome is unknown (no answer, a timeout, a reset, 5xx, 409 still running, 429)
 * is sent again with the same key and the same body until it is acknowledged (2xx).
 * Acknowledged writes are kept in acknowledgement order per conversation.
 */
final class CrashClients {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(240);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final URI base;

	private final String key;

	private final String run;

	private final AtomicBoolean stop = new AtomicBoolean();

	private final List<Conversation> conversations = Collections.synchronizedList(new ArrayList<>());

	final AtomicLong acknowledged = new AtomicLong();

	final AtomicLong retried = new AtomicLong();

	final AtomicLong abandoned = new AtomicLong();

	final AtomicLong refused = new AtomicLong();

	final AtomicLong malformed = new AtomicLong();

	private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());

	private ExecutorService pool;

	private final List<Future<?>> running = new ArrayList<>();

	/**
	 * An acknowledged conversation and its acknowledged messages, in acknowledgement
	 * order.
	 */
	record Conversation(String id, String token, List<String> messageIds) {
	}

	/**
	 * What the check found.
	 */
	record Check(long acknowledged, long present, long missing, long orderViolations, List<String> problems) {
	}

	CrashClients(URI base, String key, String run) {
		this.base = base;
		this.key = key;
		this.run = run;
	}

	void start(int clients) {
		this.pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			this.running.add(this.pool.submit(() -> {
				write(client);
				return null;
			}));
		}
	}

	private void write(int client) throws InterruptedException {
		Random random = new Random(client);
		for (int n = 0; !this.stop.get(); n++) {
			String token = this.run + "-" + client + "-" + n;
			JsonNode created = acknowledged("/api/v1/conversations",
					"{\"subject\": \"Crash " + token + "\", \"customer\": {\"id\": \"" + token + "\"}}", "c-" + token);
			if (created == null) {
				continue;
			}
			Conversation conversation = new Conversation(created.path("conversation").path("id").asString(), token,
					new ArrayList<>());
			this.conversations.add(conversation);
			int messages = 1 + random.nextInt(10);
			for (int i = 0; i < messages && !this.stop.get(); i++) {
				JsonNode posted = acknowledged("/api/v1/conversations/" + conversation.id() + "/messages",
						"{\"body\": \"" + token + " #" + i + "\"}", "m-" + token + "-" + i);
				if (posted == null) {
					break;
				}
				synchronized (conversation) {
					conversation.messageIds().add(posted.path("message").path("id").asString());
				}
			}
		}
	}

	/**
	 * Sends the write until it is acknowledged, retrying an unknown outcome with the same
	 * key and body.
	 * @return the acknowledged answer, or null when the write was refused (4xx) or no
	 * answer came within {@link #GIVE_UP_AFTER}
	 */
	private JsonNode acknowledged(String path, String body, String idempotencyKey) throws InterruptedException {
		long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + this.key)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		for (int attempt = 0;; attempt++) {
			if (attempt > 0) {
				this.retried.incrementAndGet();
				Thread.sleep(Math.min(1000, 50L * attempt));
			}
			if (System.nanoTime() > giveUp) {
				this.abandoned.incrementAndGet();
				return null;
			}
			HttpResponse<String> response;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				continue; // no answer: the write may or may not have happened
			}
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				JsonNode answer = parse(response.body());
				if (answer == null) {
					// Not an answer a client can use: as unknown as no answer.
					this.malformed.incrementAndGet();
					continue;
				}
				this.acknowledged.incrementAndGet();
				return answer;
			}
			if (status >= 500 || status == 409 || status == 429) {
				continue;
			}
			this.refused.incrementAndGet();
			this.refusals.add("POST " + path + " -> " + status + " " + response.body());
			return null;
		}
	}

	/**
	 * The answer to a write, or null when it names no conversation or message.
	 */
	private static JsonNode parse(String body) {
		try {
			JsonNode answer = JSON.readTree(body);
			boolean named = !answer.path("conversation").path("id").asString("").isEmpty()
					|| !answer.path("message").path("id").asString("").isEmpty();
			return named ? answer : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Tells the clients to stop after the write each is doing, and waits until every one
	 * has settled it.
	 */
	void stopAndAwait() throws Exception {
		this.stop.set(true);
		try {
			for (Future<?> client : this.running) {
				client.get();
			}
		}
		finally {
			this.pool.shutdownNow();
		}
	}

	/**
	 * Stops the clients without waiting (a failed run).
	 */
	void abort() {
		this.stop.set(true);
		if (this.pool != null) {
			this.pool.shutdownNow();
		}
	}

	List<Conversation> conversations() {
		return List.copyOf(this.conversations);
	}

	List<String> refusals() {
		return List.copyOf(this.refusals);
	}

	long acknowledgedMessages() {
		return this.conversations().stream().mapToLong((conversation) -> conversation.messageIds().size()).sum();
	}

	/**
	 * Reads every acknowledged conversation's messages back through the API: a
	 * conversation that answers 404 is missing with all its messages; an acknowledged
	 * message not listed is missing; acknowledged messages listed in another order than
	 * acknowledged are order violations.
	 */
	Check check() throws Exception {
		List<Conversation> acknowledgedConversations = conversations();
		AtomicLong present = new AtomicLong();
		AtomicLong missing = new AtomicLong();
		AtomicLong orderViolations = new AtomicLong();
		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		List<Future<?>> checks = new ArrayList<>();
		try (ExecutorService checkers = Executors.newFixedThreadPool(8)) {
			for (Conversation conversation : acknowledgedConversations) {
				checks.add(checkers.submit(() -> {
					HttpResponse<String> listed = get("/api/v1/conversations/" + conversation.id() + "/messages");
					if (listed.statusCode() == 404) {
						missing.addAndGet(1 + conversation.messageIds().size());
						problems.add("missing: conversation " + conversation.id() + " (" + conversation.token()
								+ ") with " + conversation.messageIds().size() + " acknowledged messages");
						return null;
					}
					present.incrementAndGet();
					List<String> ids = JSON.readTree(listed.body())
						.path("messages")
						.valueStream()
						.map((message) -> message.path("id").asString())
						.toList();
					int last = -1;
					for (String message : conversation.messageIds()) {
						int position = ids.indexOf(message);
						if (position < 0) {
							missing.incrementAndGet();
							problems.add("missing: message " + message + " of conversation " + conversation.id());
							continue;
						}
						present.incrementAndGet();
						if (position < last) {
							orderViolations.incrementAndGet();
							problems.add("out of order: message " + message + " of conversation " + conversation.id());
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
		long total = acknowledgedConversations.size()
				+ acknowledgedConversations.stream().mapToLong((c) -> c.messageIds().size()).sum();
		return new Check(total, present.get(), missing.get(), orderViolations.get(), List.copyOf(problems));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		for (int attempt = 0;; attempt++) {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(this.base.resolve(path))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + this.key)
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 || response.statusCode() == 404) {
				return response;
			}
			if (attempt > 20) {
				throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			Thread.sleep(200);
		}
	}

}

package dev.woes.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The crash test: 16 clients write conversations and messages for at least 120 s, every
 * write with an {@code Idempotency-Key} and every unknown outcome retried with the same
 * key, while the server (a {@code java -jar target/woes.jar} process of its own) is
 * killed with SIGKILL and started again, and PostgreSQL (from the bundled binaries) is
 * crashed with SIGKILL of all its processes and started again on the same data directory
 * (crash recovery). A webhook endpoint in this JVM receives {@code conversation.created}
 * and {@code conversation.message.created}; before each kill of the server it slows down,
 * so that the kill cuts deliveries off mid-request.
 *
 * <p>
 * At the end: every acknowledged write is present, nothing was written twice, each
 * conversation's messages are listed in acknowledgement order, and every committed event
 * of those types reached the endpoint at least once (by an answer given to a live server;
 * deliveries cut off by a kill must come again).
 *
 * <p>
 * Settings (system properties): {@code crash.durationSeconds} (120),
 * {@code crash.clients} (16), {@code crash.serverKills} (3), {@code crash.pgCrashes} (3),
 * {@code crash.drainSeconds} (240: the longest wait for webhook deliveries after writing;
 * it also ends once no event has been delivered for 30 s),
 * {@code crash.synchronousCommit} ({@code on}; {@code off} on purpose makes PostgreSQL
 * acknowledge commits it may then lose in a crash, and this test should then fail,
 * reporting the loss). Every committed event of the test's conversations must reach the
 * endpoint: one the dispatcher never queued fails the test as much as one queued and
 * never delivered. {@code bench/crash-test.sh} runs it with longer settings.
 */
class CrashIT {

	private static final String EVENT_TYPES = "'conversation.created', 'conversation.message.created'";

	private static final Duration SERVER_START = Duration.ofSeconds(240);

	/**
	 * The drain after writing ends as soon as no event has been delivered for this long.
	 */
	private static final Duration STALL = Duration.ofSeconds(30);

	private static final Path LOGS = Path.of("target", "crash-test");

	private static final List<AutoCloseable> resources = new ArrayList<>();

	private static Path work;

	private final Settings settings = Settings.fromSystemProperties();

	private final long started = System.nanoTime();

	private long writingStarted;

	private final Random random = new Random();

	@Test
	void acknowledgedWritesAndCommittedEventsSurviveKillNineOfTheServerAndOfPostgresql() throws Exception {
		Files.createDirectories(LOGS);
		work = Files.createTempDirectory(LOGS, "run-").toAbsolutePath();
		Path jar = Path.of("target", "woes.jar").toAbsolutePath();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: the crash test runs after package");
		}
		Files.copy(jar, work.resolve("woes.jar"));
		String run = Long.toString(System.currentTimeMillis(), 36);
		String key = newKey();
		log("synchronous_commit=%s, %d clients, at least %d s of writing, %d kills of the server, %d of PostgreSQL",
				this.settings.synchronousCommit(), this.settings.clients(), this.settings.durationSeconds(),
				this.settings.serverKills(), this.settings.pgCrashes());

		CrashDatabase database = CrashDatabase.start(work.resolve("pg"), work.resolve("postgres.log"),
				this.settings.synchronousCommit());
		resources.add(database);
		HookReceiver receiver = new HookReceiver();
		resources.add(receiver);
		int port = CrashDatabase.freePort();
		URI base = URI.create("http://127.0.0.1:" + port);
		ServerProcess server = new ServerProcess(work.resolve("woes.jar"), work, serverEnvironment(database, port, key),
				work.resolve("server.log"), base, key);
		resources.add(server);
		server.start(SERVER_START);
		log("PostgreSQL on %s, the server on %s (pid %d)", database.jdbcUrl(), base, server.pid());
		registerWebhook(base, key, receiver.url());

		CrashClients clients = new CrashClients(base, key, run);
		resources.add(clients::abort);
		this.writingStarted = System.nanoTime();
		clients.start(this.settings.clients());
		Crashes crashes = crash(database, server, receiver);
		clients.stopAndAwait();
		long wroteFor = Duration.ofNanos(System.nanoTime() - this.writingStarted).toSeconds();
		log("writing ended after %d s; every client has settled its last write", wroteFor);

		CrashClients.Check check = clients.check();
		Stored stored = stored(database, run);
		Set<String> events = committedEvents(database, run);
		long drainStarted = System.nanoTime();
		Set<String> undelivered = awaitDelivered(receiver, events);
		long drainedIn = Duration.ofNanos(System.nanoTime() - drainStarted).toSeconds();
		long redelivered = events.stream().filter((event) -> receiver.requestsFor(event) > 1).count();
		long phantoms = receiver.received().stream().filter((event) -> !events.contains(event)).count();
		Set<String> neverQueued = neverQueued(database, undelivered);
		Set<String> interruptedEvents = receiver.interruptedEvents();
		long interruptedNotDelivered = interruptedEvents.stream()
			.filter((event) -> events.contains(event) && undelivered.contains(event))
			.count();

		long conversations = clients.conversations().size();
		long messages = clients.acknowledgedMessages();
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("synchronous_commit", this.settings.synchronousCommit());
		counts.put("writing seconds", wroteFor);
		counts.put("clients", this.settings.clients());
		counts.put("server kills", crashes.serverKills());
		counts.put("postgres crashes", crashes.pgCrashes());
		counts.put("acknowledged", check.acknowledged());
		counts.put("acknowledged conversations", conversations);
		counts.put("acknowledged messages", messages);
		counts.put("retried", clients.retried.get());
		counts.put("abandoned", clients.abandoned.get());
		counts.put("refused", clients.refused.get());
		counts.put("malformed", clients.malformed.get());
		counts.put("present", check.present());
		counts.put("missing", check.missing());
		counts.put("duplicates", stored.duplicateConversations() + stored.duplicateMessages());
		counts.put("order violations", check.orderViolations());
		counts.put("stored conversations", stored.conversations());
		counts.put("stored messages", stored.messages());
		counts.put("events", events.size());
		counts.put("delivered", events.size() - undelivered.size());
		counts.put("undelivered", undelivered.size());
		counts.put("undelivered and never queued", neverQueued.size());
		counts.put("redelivered", redelivered);
		counts.put("received events not in the database", phantoms);
		counts.put("webhook requests", receiver.requests());
		counts.put("deliveries interrupted by a kill", receiver.interrupted());
		counts.put("interrupted events not delivered again", interruptedNotDelivered);
		counts.put("drain seconds", drainedIn);
		counts.put("whole run seconds", seconds());
		System.out.println("crash test counts: " + counts);
		check.problems().stream().limit(30).forEach((problem) -> System.out.println("crash test: " + problem));
		clients.refusals()
			.stream()
			.limit(10)
			.forEach((refusal) -> System.out.println("crash test refused: " + refusal));
		undelivered.stream()
			.limit(10)
			.forEach((event) -> System.out.println("crash test: event " + event + " never delivered"));
		if (!undelivered.isEmpty()) {
			describeUndelivered(database, undelivered);
		}

		SoftAssertions softly = new SoftAssertions();
		softly.assertThat(crashes.serverExitStatuses())
			.as("the server's exit status after each kill (137: SIGKILL)")
			.hasSize(this.settings.serverKills())
			.containsOnly(ServerProcess.KILLED_BY_SIGKILL);
		softly.assertThat(crashes.pgCrashes()).as("PostgreSQL crashes").isEqualTo(this.settings.pgCrashes());
		softly.assertThat(check.missing()).as("acknowledged writes missing").isZero();
		softly.assertThat(stored.duplicateConversations()).as("conversations written twice").isZero();
		softly.assertThat(stored.duplicateMessages()).as("messages written twice").isZero();
		softly.assertThat(check.orderViolations()).as("messages listed out of acknowledgement order").isZero();
		softly.assertThat(clients.refused.get()).as("writes refused").isZero();
		softly.assertThat(clients.abandoned.get()).as("writes with no answer in time").isZero();
		softly.assertThat(stored.conversations())
			.as("conversations stored (every write was retried until acknowledged)")
			.isEqualTo(conversations);
		softly.assertThat(stored.messages()).as("messages stored").isEqualTo(messages);
		softly.assertThat(conversations).as("acknowledged conversations").isPositive();
		Set<String> queuedButUndelivered = new HashSet<>(undelivered);
		queuedButUndelivered.removeAll(neverQueued);
		softly.assertThat(queuedButUndelivered).as("committed events queued but never delivered").isEmpty();
		softly.assertThat(neverQueued).as("committed events the dispatcher never queued").isEmpty();
		if ("on".equals(this.settings.synchronousCommit())) {
			softly.assertThat(phantoms).as("events sent to the endpoint that the database does not hold").isZero();
		}
		softly.assertThat(receiver.interrupted()).as("webhook deliveries cut off by a kill of the server").isPositive();
		softly.assertAll();
	}

	@AfterAll
	static void cleanUp() throws Exception {
		// Clients first, then the server, the receiver and PostgreSQL: in reverse.
		for (int i = resources.size() - 1; i >= 0; i--) {
			try {
				resources.get(i).close();
			}
			catch (Exception ex) {
				System.out.println("crash test: could not clean up " + resources.get(i) + ": " + ex);
			}
		}
		resources.clear();
		if (work != null) {
			for (String log : List.of("server.log", "postgres.log")) {
				if (Files.exists(work.resolve(log))) {
					Files.copy(work.resolve(log), LOGS.resolve(log), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			try (Stream<Path> paths = Files.walk(work)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
			work = null;
		}
	}

	/**
	 * Kills the server and crashes PostgreSQL, taking turns at even intervals over the
	 * writing time (jittered by up to 3 s), each only once the server answers again after
	 * the one before; writing goes on until the time is up and every crash has happened.
	 */
	private Crashes crash(CrashDatabase database, ServerProcess server, HookReceiver receiver) throws Exception {
		int total = this.settings.serverKills() + this.settings.pgCrashes();
		double spacing = (double) this.settings.durationSeconds() / (total + 1);
		List<Integer> exitStatuses = new ArrayList<>();
		int serverKills = 0;
		int pgCrashes = 0;
		double next = spacing + this.random.nextDouble(-3, 3);
		for (int done = 0; done < total || writing() < this.settings.durationSeconds(); Thread.sleep(200)) {
			if (done == total || writing() < next) {
				continue;
			}
			boolean killServer = pgCrashes >= this.settings.pgCrashes()
					|| (serverKills < this.settings.serverKills() && serverKills <= pgCrashes);
			if (killServer) {
				exitStatuses.add(killServer(server, receiver));
				serverKills++;
			}
			else {
				crashPostgres(database, server);
				pgCrashes++;
			}
			done++;
			next = Math.max(spacing * (done + 1) + this.random.nextDouble(-3, 3), writing() + 5);
		}
		return new Crashes(serverKills, pgCrashes, exitStatuses);
	}

	private int killServer(ServerProcess server, HookReceiver receiver) throws Exception {
		receiver.slowDown(2500);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (receiver.inFlight() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		Thread.sleep(this.random.nextInt(500));
		long pid = server.pid();
		int status = server.kill();
		int cutOff = receiver.interruptInFlight();
		receiver.slowDown(0);
		log("kill -9 the server (pid %d): exit status %d, %d webhook deliveries cut off mid-request", pid, status,
				cutOff);
		Thread.sleep(1000);
		long restarting = System.nanoTime();
		server.start(SERVER_START);
		log("the server is back (pid %d) after %.1f s", server.pid(), (System.nanoTime() - restarting) / 1e9);
		return status;
	}

	private void crashPostgres(CrashDatabase database, ServerProcess server) throws Exception {
		long pid = database.postmaster().map(ProcessHandle::pid).orElse(-1L);
		int killed = database.crash();
		log("kill -9 PostgreSQL: the postmaster (pid %d) and its %d processes", pid, killed - 1);
		Thread.sleep(1000);
		long restarting = System.nanoTime();
		database.start();
		server.awaitReady(SERVER_START);
		log("PostgreSQL is back after crash recovery, and the server answers, after %.1f s",
				(System.nanoTime() - restarting) / 1e9);
	}

	private static Map<String, String> serverEnvironment(CrashDatabase database, int port, String key) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("WOES_PORT", Integer.toString(port));
		environment.put("SERVER_ADDRESS", "127.0.0.1");
		environment.put("WOES_DATA_DIR", work.resolve("data").toString());
		environment.put("WOES_DATABASE_URL", database.jdbcUrl());
		environment.put("WOES_DATABASE_USER", CrashDatabase.APPLICATION_ROLE);
		environment.put("WOES_DATABASE_PASSWORD", "");
		environment.put("WOES_DATABASE_MIGRATION_USER", "postgres");
		environment.put("WOES_BOOTSTRAP_API_KEY", key);
		environment.put("WOES_RATE_LIMIT_REQUESTS_PER_SECOND", "1000000000");
		environment.put("WOES_RATE_LIMIT_BURST", "1000000000");
		environment.put("WOES_WEBHOOKS_ALLOW_PRIVATE", "true");
		// A delivery cut off by a kill is retried when its lease runs out: short here, so
		// that the test sees it.
		environment.put("WOES_WEBHOOKS_TIMEOUT", "5s");
		environment.put("WOES_WEBHOOKS_LEASE", "8s");
		environment.put("WOES_WEBHOOKS_RETRY_BASE_DELAY", "500ms");
		environment.put("WOES_WEBHOOKS_RETRY_MAX_DELAY", "3s");
		return environment;
	}

	private static void registerWebhook(URI base, String key, String url) throws IOException, InterruptedException {
		String body = "{\"name\": \"Crash test\", \"url\": \"" + url
				+ "\", \"events\": [\"conversation.created\", \"conversation.message.created\"]}";
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/webhooks"))
				.header("Authorization", "Bearer " + key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new IllegalStateException(
						"POST /api/v1/webhooks answered " + response.statusCode() + ": " + response.body());
			}
		}
	}

	/**
	 * What the database holds of this run's writes, read as the superuser.
	 */
	private static Stored stored(CrashDatabase database, String run) throws SQLException {
		String pattern = "Crash " + run + "-%";
		try (Connection connection = database.connect()) {
			return new Stored(count(connection, "SELECT count(*) FROM conversations WHERE subject LIKE ?", pattern),
					count(connection, """
							SELECT count(*) FROM messages m JOIN conversations c USING (workspace_id, conversation_id)
							WHERE c.subject LIKE ?""", pattern), count(connection, """
							SELECT count(*) - count(DISTINCT customer_id) FROM conversations WHERE subject LIKE ?""",
							pattern),
					count(connection, """
							SELECT coalesce(sum(copies - 1), 0) FROM (
							  SELECT count(*) AS copies FROM messages m
							  JOIN conversations c USING (workspace_id, conversation_id)
							  WHERE c.subject LIKE ? GROUP BY m.conversation_id, m.body) d""", pattern));
		}
	}

	/**
	 * Of the given events, those for which no delivery was ever queued.
	 */
	private static Set<String> neverQueued(CrashDatabase database, Set<String> events) throws SQLException {
		Set<String> found = new HashSet<>();
		try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement("""
				SELECT e.event_id FROM events e WHERE e.event_id = ANY(?)
				AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
				                WHERE d.workspace_id = e.workspace_id AND d.event_id = e.event_id)""")) {
			statement.setArray(1, connection.createArrayOf("uuid", events.toArray()));
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					found.add(result.getString(1));
				}
			}
		}
		return found;
	}

	private static long count(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	/**
	 * The committed events of the two subscribed types whose conversation this run wrote.
	 */
	private static Set<String> committedEvents(CrashDatabase database, String run) throws SQLException {
		Set<String> events = new HashSet<>();
		try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement("""
				SELECT e.event_id FROM events e
				JOIN conversations c ON c.workspace_id = e.workspace_id AND c.conversation_id = e.subject_id
				WHERE e.type IN (%s) AND c.subject LIKE ?""".formatted(EVENT_TYPES))) {
			statement.setString(1, "Crash " + run + "-%");
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					events.add(result.getString(1));
				}
			}
		}
		return events;
	}

	/**
	 * Waits, with the server up, until every event has been delivered or the drain time
	 * is up.
	 * @return the events not delivered
	 */
	private Set<String> awaitDelivered(HookReceiver receiver, Set<String> events) throws InterruptedException {
		long now = System.nanoTime();
		long deadline = now + Duration.ofSeconds(this.settings.drainSeconds()).toNanos();
		long stalledAfter = now + STALL.toNanos();
		long report = now;
		int delivered = -1;
		while (true) {
			Set<String> undelivered = new HashSet<>(events);
			undelivered.removeAll(receiver.delivered());
			now = System.nanoTime();
			if (events.size() - undelivered.size() > delivered) {
				delivered = events.size() - undelivered.size();
				stalledAfter = now + STALL.toNanos();
			}
			if (undelivered.isEmpty() || now > deadline || now > stalledAfter) {
				return undelivered;
			}
			if (now > report) {
				log("%d of %d events delivered, %d webhook requests", delivered, events.size(), receiver.requests());
				report = now + Duration.ofSeconds(10).toNanos();
			}
			Thread.sleep(250);
		}
	}

	/**
	 * What the database knows of events that never reached the endpoint: their
	 * deliveries, where the dispatcher's cursor stands, and the endpoint.
	 */
	private static void describeUndelivered(CrashDatabase database, Set<String> undelivered) throws SQLException {
		List<String> queries = List.of("""
				SELECT coalesce(d.state, 'no delivery') AS state, d.attempts, left(d.error, 80) AS error,
				       count(*) AS events, min(d.next_attempt_at) AS next_min, max(d.next_attempt_at) AS next_max,
				       now() AS now
				FROM events e LEFT JOIN webhook_deliveries d USING (workspace_id, event_id)
				WHERE e.event_id = ANY(?) GROUP BY 1, 2, 3 ORDER BY 4 DESC LIMIT 20""", """
				SELECT min(e.tx_id::text) AS min_tx, max(e.tx_id::text) AS max_tx, min(e.occurred_at) AS first_at,
				       max(e.occurred_at) AS last_at,
				       (SELECT cursor_tx::text || '/' || cursor_seq FROM webhook_workspaces) AS cursor,
				       pg_snapshot_xmin(pg_current_snapshot())::text AS xmin
				FROM events e WHERE e.event_id = ANY(?)""", """
				SELECT enabled, disabled_reason, failed_deliveries, failing_since, created_at
				FROM webhooks WHERE cardinality(?::uuid[]) > 0""", """
				SELECT state, count(*) AS deliveries, count(DISTINCT event_id) AS events, max(attempts) AS max_attempts
				FROM webhook_deliveries WHERE cardinality(?::uuid[]) > 0 GROUP BY state""", """
				WITH missed AS (SELECT min(tx_id::text::bigint) AS low, max(tx_id::text::bigint) AS high
				                FROM events WHERE event_id = ANY(?))
				SELECT e.tx_id::text AS tx, e.seq, e.type, e.occurred_at, e.event_id = ANY(?) AS undelivered,
				       min(d.created_at) AS queued
				FROM events e LEFT JOIN webhook_deliveries d USING (workspace_id, event_id), missed
				WHERE e.tx_id::text::bigint BETWEEN missed.low - 20 AND missed.high + 20
				GROUP BY 1, 2, 3, 4, 5 ORDER BY e.tx_id, e.seq LIMIT 120""");
		try (Connection connection = database.connect()) {
			java.sql.Array ids = connection.createArrayOf("uuid", undelivered.toArray());
			for (String sql : queries) {
				try (PreparedStatement statement = connection.prepareStatement(sql)) {
					for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
						statement.setArray(i, ids);
					}
					try (ResultSet result = statement.executeQuery()) {
						int columns = result.getMetaData().getColumnCount();
						while (result.next()) {
							StringBuilder line = new StringBuilder("crash test diagnosis:");
							for (int i = 1; i <= columns; i++) {
								line.append(' ')
									.append(result.getMetaData().getColumnLabel(i))
									.append('=')
									.append(result.getString(i));
							}
							System.out.println(line);
						}
					}
				}
			}
		}
	}

	private static String newKey() {
		String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		SecureRandom random = new SecureRandom();
		StringBuilder key = new StringBuilder("woesk_");
		for (int i = 0; i < 43; i++) {
			key.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return key.toString();
	}

	private long seconds() {
		return Duration.ofNanos(System.nanoTime() - this.started).toSeconds();
	}

	private double writing() {
		return (System.nanoTime() - this.writingStarted) / 1e9;
	}

	private double secondsExact() {
		return (System.nanoTime() - this.started) / 1e9;
	}

	private void log(String format, Object... arguments) {
		System.out.printf("[crash test %6.1f s] %s%n", secondsExact(), format.formatted(arguments));
	}

	record Settings(int durationSeconds, int clients, int serverKills, int pgCrashes, int drainSeconds,
			String synchronousCommit) {

		static Settings fromSystemProperties() {
			return new Settings(Integer.getInteger("crash.durationSeconds", 120),
					Integer.getInteger("crash.clients", 16), Integer.getInteger("crash.serverKills", 3),
					Integer.getInteger("crash.pgCrashes", 3), Integer.getInteger("crash.drainSeconds", 240),
					System.getProperty("crash.synchronousCommit", "on"));
		}

	}

	record Crashes(int serverKills, int pgCrashes, List<Integer> serverExitStatuses) {
	}

	record Stored(long conversations, long messages, long duplicateConversations, long duplicateMessages) {
	}

}

package dev.woes.feed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.database.DatabaseServer;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.feed.SseClient.Received;
import dev.woes.support.ApiTest;
import dev.woes.support.WoesServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-time stream: events as they commit, resumable without loss or duplicates, kept
 * alive by heartbeats, refusing to buffer for a client that stopped reading, and served
 * by every node of a cluster whichever node wrote the event.
 */
class EventStreamIT extends ApiTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/**
	 * A second node on the same database, with a quick heartbeat and a small stream
	 * buffer, and reading its streamed feeds only when notified (its periodic read is a
	 * minute apart).
	 */
	private static WoesServer secondNode;

	@Autowired
	private DatabaseServer database;

	@Autowired
	private EventLog events;

	@Autowired
	private PlatformTransactionManager transactions;

	@AfterAll
	static void stopSecondNode() {
		if (secondNode != null) {
			secondNode.close();
		}
	}

	@Test
	void deliversTheWorkspacesEventsAsTheyCommitWithTheirIds() throws Exception {
		Tenant tenant = newTenant();
		Tenant other = newTenant();
		try (SseClient stream = open(this.port, tenant.key(), "/api/v1/events/stream")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

			String conversation = openConversation(tenant, "cus_1", "Live");
			openConversation(other, "cus_2", "Not mine");
			String message = postMessage(tenant, conversation, "hello");

			List<Received> events = stream.events(2, WAIT);
			assertThat(events).extracting((event) -> event.json().path("type").asString())
				.containsExactly("conversation.created", "conversation.message.created");
			assertThat(events.get(0).json().at("/data/id").asString()).isEqualTo(conversation);
			assertThat(events.get(1).json().at("/data/message/id").asString()).isEqualTo(message);
			assertThat(events).allSatisfy((event) -> {
				assertThat(event.id()).isEqualTo(event.json().path("id").asString());
				assertThat(event.json().path("object").asString()).isEqualTo("event");
			});
			assertThat(ids(get(tenant.key(), "/api/v1/events"))).containsExactlyElementsOf(ids(events));
			assertThat(stream.nextEvent(Duration.ofMillis(300))).as("nothing of the other workspace").isNull();
		}
	}

	@Test
	void resumesAfterLastEventIdWithoutLossOrDuplicate() throws Exception {
		Tenant tenant = newTenant();
		String conversation;
		List<Received> before;
		try (SseClient stream = open(this.port, tenant.key(), "/api/v1/events/stream")) {
			conversation = openConversation(tenant, "cus_1", "Resume");
			postMessage(tenant, conversation, "one");
			before = stream.events(2, WAIT);
		}
		postMessage(tenant, conversation, "two, while away");
		postMessage(tenant, conversation, "three, while away");

		try (SseClient resumed = SseClient.open(this.port, tenant.key(), "/api/v1/events/stream",
				Map.of("Last-Event-ID", before.get(1).id()))) {
			List<Received> missed = resumed.events(2, WAIT);
			assertThat(missed).extracting((event) -> event.json().at("/data/message/body").asString())
				.containsExactly("two, while away", "three, while away");
			postMessage(tenant, conversation, "four, live");
			assertThat(resumed.events(1, WAIT).get(0).json().at("/data/message/body").asString())
				.isEqualTo("four, live");
			assertThat(resumed.nextEvent(Duration.ofMillis(300))).isNull();
		}

		String first = before.get(0).id();
		try (SseClient fromQuery = open(this.port, tenant.key(),
				"/api/v1/events/stream?types=conversation.message.created&startingAfter=" + first)) {
			assertThat(fromQuery.events(4, WAIT))
				.extracting((event) -> event.json().at("/data/message/body").asString())
				.containsExactly("one", "two, while away", "three, while away", "four, live");
		}
	}

	@Test
	void refusesUnknownTypesUnknownResumePointsAndKeysWithoutTheScope() throws Exception {
		Tenant tenant = newTenant("conversations:read");
		String reader = keyFor(tenant.workspace(), "events:read");
		try (SseClient refused = open(this.port, tenant.key(), "/api/v1/events/stream")) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.error().path("code").asString()).isEqualTo("insufficient_scope");
		}
		try (SseClient unknownType = open(this.port, reader, "/api/v1/events/stream?types=nope")) {
			assertThat(unknownType.status()).isEqualTo(400);
			assertThat(unknownType.error().path("error").asString()).contains("'nope'");
		}
		try (SseClient unknownId = SseClient.open(this.port, reader, "/api/v1/events/stream",
				Map.of("Last-Event-ID", UUID.randomUUID().toString()))) {
			assertThat(unknownId.status()).isEqualTo(400);
			assertThat(unknownId.error().path("error").asString()).startsWith("Last-Event-ID must be the id");
		}
	}

	@Test
	void anIdleStreamSendsHeartbeats() throws Exception {
		Tenant tenant = newTenant();
		try (SseClient stream = open(secondNodeKnowing(tenant).port(), tenant.key(), "/api/v1/events/stream")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.nextComment(Duration.ofSeconds(5))).isEqualTo("heartbeat");
			assertThat(stream.nextComment(Duration.ofSeconds(5))).isEqualTo("heartbeat");
		}
	}

	@Test
	void anEventWrittenOnOneNodeReachesAStreamOnAnother() throws Exception {
		Tenant tenant = newTenant();
		try (SseClient stream = open(secondNodeKnowing(tenant).port(), tenant.key(), "/api/v1/events/stream")) {
			String conversation = openConversation(tenant, "cus_1", "Written on the first node");
			Received event = stream.events(1, WAIT).get(0);
			assertThat(event.json().at("/data/id").asString()).isEqualTo(conversation);
		}
	}

	/**
	 * A client that stops reading while a burst of events commits falls further behind
	 * than the stream's buffer (5 events on the second node): the server ends its stream
	 * instead of buffering, and the client resumes from the last event it got.
	 */
	@Test
	void aClientThatFallsTooFarBehindIsDroppedAndResumesWithoutLoss() throws Exception {
		Tenant tenant = newTenant();
		int burst = 2000;
		List<String> received = new ArrayList<>();
		try (SseClient slow = SseClient.openWithoutReading(secondNodeKnowing(tenant).port(), tenant.key(),
				"/api/v1/events/stream", Map.of())) {
			assertThat(slow.status()).isEqualTo(200);
			insertEvents(tenant, burst);
			Thread.sleep(500);
			slow.startReading();
			assertThat(slow.endsWithin(WAIT)).as("the server ended the stream").isTrue();
			received.addAll(ids(slow.drainEvents()));
		}
		assertThat(received).hasSizeLessThan(burst);

		String resumeAfter = received.isEmpty() ? null : received.get(received.size() - 1);
		String path = "/api/v1/events/stream" + ((resumeAfter != null) ? "" : "?startingAfter=" + firstOf(tenant));
		if (resumeAfter == null) {
			received.add(firstOf(tenant));
		}
		try (SseClient resumed = SseClient.open(secondNodeKnowing(tenant).port(), tenant.key(), path,
				(resumeAfter != null) ? Map.of("Last-Event-ID", resumeAfter) : Map.of())) {
			received.addAll(ids(resumed.events(burst - received.size(), WAIT)));
			assertThat(resumed.nextEvent(Duration.ofMillis(300))).isNull();
		}
		assertThat(received).hasSize(burst).doesNotHaveDuplicates();
		assertThat(new HashSet<>(received)).isEqualTo(new HashSet<>(ids(get(tenant.key(), "/api/v1/events?limit=1000"),
				get(tenant.key(), "/api/v1/events?limit=1000&startingAfter=" + received.get(999)))));
	}

	private String firstOf(Tenant tenant) {
		return ids(get(tenant.key(), "/api/v1/events?limit=1")).get(0);
	}

	/**
	 * Records the events in one transaction, as a burst of changes would.
	 */
	private void insertEvents(Tenant tenant, int count) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			for (int n = 1; n <= count; n++) {
				this.events.record(tenant.workspace().id(), EventType.CONVERSATION_UPDATED, Actor.SYSTEM, null,
						Map.of("n", n, "padding", "x".repeat(400)));
			}
		});
	}

	/**
	 * The second node, once it knows the tenant's key (nodes reload keys every 2 s).
	 */
	private WoesServer secondNodeKnowing(Tenant tenant) throws Exception {
		Reply reply = secondNode().getUntil(tenant.key(), "/api/v1/events", (answer) -> answer.status() == 200, WAIT);
		assertThat(reply.status()).isEqualTo(200);
		return secondNode;
	}

	private WoesServer secondNode() throws Exception {
		if (secondNode == null) {
			Path target = Path.of("target", "test-data");
			Files.createDirectories(target);
			secondNode = WoesServer.start(Files.createTempDirectory(target, "second-node-"),
					"woes.database.url=" + this.database.jdbcUrl(), "woes.database.user=" + this.database.username(),
					"woes.database.password=" + this.database.password(), "woes.events.heartbeat-interval=300ms",
					"woes.events.stream-buffer=5", "woes.events.poll-interval=60s");
		}
		return secondNode;
	}

	private static SseClient open(int port, String key, String path) {
		return SseClient.open(port, key, path, Map.of());
	}

	private static List<String> ids(List<Received> events) {
		return events.stream().map(Received::id).toList();
	}

	private static List<String> ids(Reply... replies) {
		List<String> ids = new ArrayList<>();
		for (Reply reply : replies) {
			reply.json().path("events").forEach((event) -> ids.add(event.path("id").asString()));
		}
		return ids;
	}

}

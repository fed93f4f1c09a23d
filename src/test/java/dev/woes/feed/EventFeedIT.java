package dev.woes.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import dev.woes.shared.Uuids;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change feed: a workspace's events oldest first, read on from the last one seen.
 * Whatever order concurrent transactions commit in, a client that always passes its last
 * event id never misses an event and never sees one twice.
 */
class EventFeedIT extends ApiTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void listsTheWorkspacesEventsOldestFirstAsEventObjectsWithoutTheWorkspaceId() {
		Tenant tenant = newTenant();
		Tenant other = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Export fails");
		String message = postMessage(tenant, conversation, "It fails again");
		openConversation(other, "cus_2", "Elsewhere");

		Reply reply = get(tenant.key(), "/api/v1/events");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.fieldNames("")).containsExactly("object", "hasMore", "events");
		assertThat(reply.json().path("object").asString()).isEqualTo("list");
		assertThat(reply.json().path("hasMore").asBoolean()).isFalse();
		assertThat(reply.header("Link")).isNull();
		JsonNode events = reply.json().path("events");
		assertThat(events.valueStream().map((event) -> event.path("type").asString()))
			.containsExactly("conversation.created", "conversation.message.created");
		assertThat(reply.fieldNames("/events/0")).containsExactly("object", "id", "type", "createdAt", "actor", "data");
		JsonNode created = events.get(0);
		assertThat(created.path("object").asString()).isEqualTo("event");
		assertThat(Uuids.parse(created.path("id").asString())).isPresent();
		assertThat(created.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(created.at("/actor/type").asString()).isEqualTo("api_key");
		assertThat(created.at("/data/id").asString()).isEqualTo(conversation);
		assertThat(created.at("/data/customerId").asString()).isEqualTo("cus_1");
		assertThat(events.get(1).at("/data/message/id").asString()).isEqualTo(message);
		assertThat(reply.body()).doesNotContain(tenant.workspace().id().toString()).doesNotContain("workspaceId");
	}

	@Test
	void pagesWithStartingAfterAndALinkHeader() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Paging");
		postMessage(tenant, conversation, "one");
		postMessage(tenant, conversation, "two");
		List<String> all = ids(get(tenant.key(), "/api/v1/events"));
		assertThat(all).hasSize(3);

		Reply first = get(tenant.key(), "/api/v1/events?limit=2");
		assertThat(ids(first)).containsExactlyElementsOf(all.subList(0, 2));
		assertThat(first.json().path("hasMore").asBoolean()).isTrue();
		assertThat(first.header("Link"))
			.isEqualTo("</api/v1/events?limit=2&startingAfter=" + all.get(1) + ">; rel=\"next\"");

		Reply second = get(tenant.key(), "/api/v1/events?limit=2&startingAfter=" + all.get(1));
		assertThat(ids(second)).containsExactly(all.get(2));
		assertThat(second.json().path("hasMore").asBoolean()).isFalse();
		assertThat(second.header("Link")).isNull();
		assertThat(ids(get(tenant.key(), "/api/v1/events?startingAfter=" + all.get(2)))).isEmpty();
	}

	@Test
	void keepsOnlyTheRequestedTypes() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Types");
		postMessage(tenant, conversation, "one");
		patch(tenant.key(), "/api/v1/conversations/" + conversation, "{\"status\": \"solved\"}");

		Reply reply = get(tenant.key(), "/api/v1/events?types=conversation.status.updated,conversation.created");

		assertThat(reply.json().path("events").valueStream().map((event) -> event.path("type").asString()))
			.containsExactly("conversation.created", "conversation.status.updated");
	}

	@Test
	void refusesUnknownTypesBadLimitsAndCursorsThatNameNoEventOfTheWorkspace() {
		Tenant tenant = newTenant();
		Tenant other = newTenant();
		openConversation(other, "cus_1", "Theirs");
		String theirs = ids(get(other.key(), "/api/v1/events")).get(0);

		Reply unknownType = get(tenant.key(), "/api/v1/events?types=conversation.created,conversation.exploded");
		assertThat(unknownType.status()).isEqualTo(400);
		assertThat(unknownType.json().path("code").asString()).isEqualTo("invalid_request");
		assertThat(unknownType.json().path("error").asString()).contains("types").contains("'conversation.exploded'");
		assertThat(get(tenant.key(), "/api/v1/events?types=").status()).isEqualTo(400);
		assertThat(get(tenant.key(), "/api/v1/events?limit=0").json().path("error").asString())
			.isEqualTo("limit must be an integer between 1 and 1000.");
		assertThat(get(tenant.key(), "/api/v1/events?limit=1001").status()).isEqualTo(400);
		assertThat(get(tenant.key(), "/api/v1/events?limit=1000").status()).isEqualTo(200);

		Reply notAnId = get(tenant.key(), "/api/v1/events?startingAfter=yesterday");
		assertThat(notAnId.status()).isEqualTo(400);
		assertThat(notAnId.json().path("error").asString()).startsWith("startingAfter must be the id of an event");
		Reply anotherWorkspaces = get(tenant.key(), "/api/v1/events?startingAfter=" + theirs);
		assertThat(anotherWorkspaces.status()).isEqualTo(400);
		assertThat(anotherWorkspaces.body()).isEqualTo(notAnId.body());
		assertThat(get(tenant.key(), "/api/v1/events?since=" + theirs).status()).isEqualTo(400);
	}

	@Test
	void needsTheEventsReadScope() {
		Tenant tenant = newTenant("conversations:read", "conversations:write");
		Reply refused = get(tenant.key(), "/api/v1/events");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("error").asString()).contains("events:read");

		String reader = keyFor(tenant.workspace(), "events:read");
		assertThat(get(reader, "/api/v1/events").status()).isEqualTo(200);
	}

	/**
	 * Transaction A writes an event first, transaction B (started later) writes one after
	 * and commits first. A reader that remembers the highest sequence number it saw moves
	 * past A's event before A commits, and never sees it. The feed holds B's event back
	 * until A has ended, then passes both.
	 */
	@Test
	void aLateCommitIsNeverSkippedWhereANaiveSequenceCursorLosesIt() throws SQLException {
		Tenant tenant = newTenant();
		String key = keyFor(tenant.workspace(), "events:read");
		try (Connection a = transaction(); Connection b = transaction()) {
			Written first = insertEvent(a, tenant);
			Written second = insertEvent(b, tenant);
			b.commit();

			List<Written> naive = new ArrayList<>(naiveAfter(tenant, 0));
			assertThat(naive).containsExactly(second);
			long naiveCursor = naive.get(naive.size() - 1).seq();
			assertThat(ids(get(key, "/api/v1/events"))).as("B waits while A, older, is running").isEmpty();

			a.commit();

			naive.addAll(naiveAfter(tenant, naiveCursor));
			assertThat(naive).as("the naive reader lost A's event for good").doesNotContain(first);
			assertThat(eventuallyIds(key, "/api/v1/events", (ids) -> ids.size() == 2))
				.containsExactly(first.id().toString(), second.id().toString());
		}
	}

	/**
	 * A transaction gets its id at its first write, not at BEGIN. Here A gets its id
	 * first (by a write elsewhere), B then writes an event and commits, and A writes its
	 * event only afterwards: A's event has the higher sequence number but the lower
	 * transaction id. The feed passes nothing while A runs, then A's event before B's, so
	 * a reader polling all along sees each exactly once.
	 */
	@Test
	void aTransactionWithTheOlderIdThatWritesItsEventLastIsStillPassedFirst() throws SQLException {
		Tenant tenant = newTenant();
		String key = keyFor(tenant.workspace(), "events:read");
		List<String> seen = new ArrayList<>();
		try (Connection a = transaction(); Connection b = transaction()) {
			assignTransactionId(a);
			Written bEvent = insertEvent(b, tenant);
			b.commit();
			seen.addAll(ids(get(key, "/api/v1/events")));
			assertThat(seen).isEmpty();

			Written aEvent = insertEvent(a, tenant);
			assertThat(aEvent.seq()).isGreaterThan(bEvent.seq());
			seen.addAll(ids(get(key, "/api/v1/events")));
			assertThat(seen).isEmpty();
			a.commit();

			seen.addAll(eventuallyIds(key, "/api/v1/events", (ids) -> ids.size() == 2));
			assertThat(seen).containsExactly(aEvent.id().toString(), bEvent.id().toString());
			assertThat(ids(get(key, "/api/v1/events?startingAfter=" + seen.get(1)))).isEmpty();
		}
	}

	/**
	 * A transaction that began before B but writes only after B committed gets a newer
	 * transaction id than B: its event comes after B's, behind the reader's cursor never.
	 */
	@Test
	void aTransactionThatBeganEarlierButWritesAfterAnotherCommittedComesAfterIt() throws SQLException {
		Tenant tenant = newTenant();
		String key = keyFor(tenant.workspace(), "events:read");
		try (Connection a = transaction(); Connection b = transaction()) {
			try (var statement = a.createStatement()) {
				statement.execute("SELECT 1");
			}
			Written bEvent = insertEvent(b, tenant);
			b.commit();
			List<String> first = eventuallyIds(key, "/api/v1/events", (ids) -> ids.size() == 1);
			assertThat(first).containsExactly(bEvent.id().toString());

			Written aEvent = insertEvent(a, tenant);
			a.commit();

			assertThat(eventuallyIds(key, "/api/v1/events?startingAfter=" + first.get(0), (ids) -> ids.size() == 1))
				.containsExactly(aEvent.id().toString());
		}
	}

	/**
	 * Transaction ids are numbers: 99 comes before 100, though "100" sorts before "99" as
	 * text. Two events of long-finished transactions on either side of a change in the
	 * number of digits come in transaction order, one page each, and the second page does
	 * not skip the older transaction's event.
	 */
	@Test
	void transactionIdsOrderAsNumbersAcrossAChangeInTheirNumberOfDigits() throws SQLException {
		Tenant tenant = newTenant();
		String key = keyFor(tenant.workspace(), "events:read");
		UUID ofTransaction100 = insertEventOfTransaction(tenant, 100);
		UUID ofTransaction99 = insertEventOfTransaction(tenant, 99);

		List<String> first = ids(get(key, "/api/v1/events?limit=1"));
		List<String> second = ids(get(key, "/api/v1/events?limit=1&startingAfter=" + first.get(0)));

		assertThat(first).containsExactly(ofTransaction99.toString());
		assertThat(second).containsExactly(ofTransaction100.toString());
	}

	private UUID insertEventOfTransaction(Tenant tenant, long transaction) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO events (workspace_id, event_id, tx_id, type, occurred_at, actor_type, data)
						VALUES (?, ?, CAST(? AS xid8), 'conversation.updated', now(), 'system', '{}')
						""")) {
			UUID id = Uuids.v7();
			insert.setObject(1, tenant.workspace().id().value());
			insert.setObject(2, id);
			insert.setString(3, Long.toString(transaction));
			insert.executeUpdate();
			return id;
		}
	}

	private record Written(UUID id, long seq) {
	}

	private Connection transaction() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(false);
		return connection;
	}

	private static void assignTransactionId(Connection connection) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("SELECT pg_current_xact_id()");
		}
	}

	private static Written insertEvent(Connection connection, Tenant tenant) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, data)
				VALUES (?, ?, 'conversation.updated', now(), 'system', '{}')
				RETURNING event_id, seq
				""")) {
			insert.setObject(1, tenant.workspace().id().value());
			insert.setObject(2, Uuids.v7());
			try (ResultSet row = insert.executeQuery()) {
				row.next();
				return new Written(row.getObject(1, UUID.class), row.getLong(2));
			}
		}
	}

	/**
	 * What a reader that orders by sequence number and remembers the last one it saw
	 * gets.
	 */
	private List<Written> naiveAfter(Tenant tenant, long seq) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT event_id, seq FROM events WHERE workspace_id = ? AND seq > ? ORDER BY seq")) {
			select.setObject(1, tenant.workspace().id().value());
			select.setLong(2, seq);
			List<Written> rows = new ArrayList<>();
			try (ResultSet row = select.executeQuery()) {
				while (row.next()) {
					rows.add(new Written(row.getObject(1, UUID.class), row.getLong(2)));
				}
			}
			return rows;
		}
	}

	/**
	 * An event settles once every older transaction anywhere in the database has ended;
	 * another test's transaction may hold it back for a moment.
	 */
	private List<String> eventuallyIds(String key, String path, Predicate<List<String>> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<String> ids = ids(get(key, path));
		while (!condition.test(ids) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			ids = ids(get(key, path));
		}
		return ids;
	}

	private static List<String> ids(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("events").valueStream().map((event) -> event.path("id").asString()).toList();
	}

}

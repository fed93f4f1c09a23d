package dev.woes.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.operator.Operator;
import dev.woes.operator.Operators;
import dev.woes.shared.Uuids;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator timeline: messages with their authors, notes and the conversation's
 * recorded changes, in time order and page by page.
 */
class TimelineIT extends ApiTest {

	private static final String MISSING = "0190f3a1-0000-7000-8000-000000000000";

	@Autowired
	private Operators operators;

	@Autowired
	private EventLog events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	private Tenant tenant;

	private String conversationId;

	private UUID ada;

	@BeforeEach
	void conversationAndOperator() {
		this.tenant = newTenant();
		this.ada = Uuids.v7();
		this.operators.add(this.tenant.workspace().id(),
				new Operator(this.ada, "Ada", "ada@example.com", "member", "active", Instant.now(), null));
		this.conversationId = openConversation(this.tenant, "cus_1", "Export fails");
	}

	@Test
	void showsMessagesNotesAndChangesInTheOrderTheyHappened() {
		pause();
		postMessage(this.tenant, this.conversationId, "It crashes");
		pause();
		String operatorNote = note("{\"type\": \"operator\", \"id\": \"" + this.ada + "\"}", "Known bug");
		pause();
		patch(this.tenant.key(), conversation(), "{\"status\": \"waiting\"}");
		pause();
		post(this.tenant.key(), conversation() + "/messages", "{\"body\": \"Fixed in 2.1\", \"role\": \"assistant\"}");
		pause();
		patch(this.tenant.key(), conversation(), "{\"priority\": \"high\"}");
		pause();
		String botNote = note("{\"type\": \"automation\", \"name\": \"triage-bot\"}", "Secret guess");
		pause();
		patch(this.tenant.key(), conversation() + "/notes/" + operatorNote,
				"{\"body\": \"Known bug, see @ada@example.com\"}");
		pause();
		send(this.tenant.key(), "DELETE", conversation() + "/notes/" + botNote, null);

		Reply reply = get(this.tenant.key(), conversation() + "/timeline");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.fieldNames("")).containsExactly("object", "hasMore", "items");
		assertThat(reply.json().path("hasMore").asBoolean()).isFalse();
		List<JsonNode> items = reply.json().path("items").valueStream().toList();
		assertThat(items).extracting(TimelineIT::describe)
			.containsExactly("change conversation.created", "message It crashes",
					"note Known bug, see @ada@example.com", "change conversation.status.updated",
					"message Fixed in 2.1", "change conversation.updated", "change conversation.note.deleted");
		items.forEach((item) -> {
			assertThat(item.propertyNames()).containsExactly("object", "id", "type", "at", "actor", "message", "note",
					"change");
			assertThat(item.path("object").asString()).isEqualTo("timeline_item");
			assertThat(item.path("actor").propertyNames()).containsExactly("type", "id", "name");
		});
		assertThat(items).extracting((item) -> Instant.parse(item.path("at").asString())).isSorted();

		JsonNode customerMessage = items.get(1);
		assertThat(customerMessage.at("/actor/type").asString()).isEqualTo("customer");
		assertThat(customerMessage.at("/actor/id").asString()).isEqualTo("cus_1");
		assertThat(customerMessage.at("/message/role").asString()).isEqualTo("user");
		assertThat(customerMessage.path("id").asString()).isEqualTo(customerMessage.at("/message/id").asString());
		assertThat(customerMessage.path("note").isNull()).isTrue();
		assertThat(customerMessage.path("change").isNull()).isTrue();
		assertThat(items.get(4).at("/actor/type").asString()).isEqualTo("automation");

		JsonNode note = items.get(2);
		assertThat(note.path("id").asString()).isEqualTo(operatorNote);
		assertThat(note.at("/actor/type").asString()).isEqualTo("operator");
		assertThat(note.at("/actor/id").asString()).isEqualTo(this.ada.toString());
		assertThat(note.at("/note/mentions/0").asString()).isEqualTo(this.ada.toString());
		assertThat(note.path("message").isNull()).isTrue();

		JsonNode status = items.get(3);
		assertThat(status.at("/actor/type").asString()).isEqualTo("api_key");
		assertThat(status.at("/change/data/status").asString()).isEqualTo("waiting");
		assertThat(status.at("/change/data/previousStatus").asString()).isEqualTo("open");
		JsonNode deletion = items.get(6);
		assertThat(deletion.at("/change/data/note/id").asString()).isEqualTo(botNote);
		assertThat(reply.body()).doesNotContain("Secret guess");
	}

	@Test
	void pagesWalkTheWholeTimelineWhateverTheLastItemWas() {
		postMessage(this.tenant, this.conversationId, "one");
		note("{\"type\": \"automation\", \"name\": \"bot\"}", "two");
		patch(this.tenant.key(), conversation(), "{\"status\": \"solved\"}");
		postMessage(this.tenant, this.conversationId, "three");
		note("{\"type\": \"operator\", \"id\": \"" + this.ada + "\"}", "four");
		List<String> whole = ids(get(this.tenant.key(), conversation() + "/timeline?limit=200"));
		assertThat(whole).as("the creation, two messages, two notes, solving and reopening").hasSize(7);

		for (int limit : new int[] { 1, 2, 4 }) {
			assertThat(walk(conversation() + "/timeline?limit=" + limit)).as("limit %d", limit).isEqualTo(whole);
		}
		Reply first = get(this.tenant.key(), conversation() + "/timeline?limit=4");
		assertThat(first.json().path("hasMore").asBoolean()).isTrue();
		assertThat(first.header("Link"))
			.isEqualTo("<" + conversation() + "/timeline?limit=4&startingAfter=" + whole.get(3) + ">; rel=\"next\"");
	}

	@Test
	void keepsEveryKindOfChangeIncludingTypesItHasNeverHeardOfInTheirOrder() {
		postMessage(this.tenant, this.conversationId, "hello");
		UUID subject = UUID.fromString(this.conversationId);
		Timestamp sameMillisecond = Timestamp.from(Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS));
		this.transactions.executeWithoutResult((status) -> {
			this.events.record(this.tenant.workspace().id(), EventType.CONVERSATION_TAGS_UPDATED,
					Actor.automation("tagger"), subject, Map.of("tags", List.of("billing")));
			for (String type : List.of("conversation.sla.breached", "conversation.sla.restored",
					"conversation.merged")) {
				this.jdbc
					.sql("""
							INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, actor_id, subject_id, data)
							VALUES (:workspace, :id, :type, :at, 'system', NULL, :subject, CAST('{"x": 1}' AS json))""")
					.param("workspace", this.tenant.workspace().id().value())
					.param("id", Uuids.v7())
					.param("type", type)
					.param("at", sameMillisecond)
					.param("subject", subject)
					.update();
			}
		});

		Reply reply = get(this.tenant.key(), conversation() + "/timeline");
		List<JsonNode> items = reply.json().path("items").valueStream().toList();
		assertThat(items).extracting(TimelineIT::describe)
			.containsExactly("change conversation.created", "message hello", "change conversation.tags.updated",
					"change conversation.sla.breached", "change conversation.sla.restored",
					"change conversation.merged");
		assertThat(items.get(2).path("actor").toString())
			.isEqualTo("{\"type\":\"automation\",\"id\":null,\"name\":\"tagger\"}");
		assertThat(items.get(3).at("/actor/type").asString()).isEqualTo("system");
		assertThat(walk(conversation() + "/timeline?limit=1")).isEqualTo(ids(reply));
	}

	@Test
	void pagingGoesOnWhenTheLastItemReadIsADeletedNote() {
		postMessage(this.tenant, this.conversationId, "one");
		String doomed = note("{\"type\": \"automation\", \"name\": \"bot\"}", "two");
		postMessage(this.tenant, this.conversationId, "three");
		Reply first = get(this.tenant.key(), conversation() + "/timeline?limit=3");
		assertThat(ids(first)).endsWith(doomed);

		send(this.tenant.key(), "DELETE", conversation() + "/notes/" + doomed, null);
		Reply next = get(this.tenant.key(), first.header("Link").replaceAll("^<|>.*$", ""));

		assertThat(next.status()).isEqualTo(200);
		assertThat(next.json().path("items").valueStream().map(TimelineIT::describe)).containsExactly("message three",
				"change conversation.note.deleted");
	}

	@Test
	void aForeignOrUnknownCursorAndBadLimitsAreRefused() {
		String messageId = postMessage(this.tenant, this.conversationId, "hi");
		UUID messageEvent = this.jdbc.sql(
				"SELECT event_id FROM events WHERE workspace_id = :workspace AND type = 'conversation.message.created'")
			.param("workspace", this.tenant.workspace().id().value())
			.query(UUID.class)
			.single();
		String other = openConversation(this.tenant, "cus_2", "Other");
		String elsewhere = post(this.tenant.key(), "/api/v1/conversations/" + other + "/notes",
				"{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}, \"body\": \"x\"}")
			.json()
			.at("/note/id")
			.asString();

		String unknownCursor = "startingAfter must be the id of an item of this conversation's timeline.";
		for (String cursor : List.of(MISSING, elsewhere, messageEvent.toString())) {
			Reply reply = get(this.tenant.key(), conversation() + "/timeline?startingAfter=" + cursor);
			assertThat(reply.status()).as(cursor).isEqualTo(400);
			assertThat(reply.json().path("error").asString()).isEqualTo(unknownCursor);
		}
		assertThat(get(this.tenant.key(), "/api/v1/conversations/" + other + "/timeline?startingAfter=" + messageId)
			.status()).isEqualTo(400);
		assertThat(get(this.tenant.key(), conversation() + "/timeline?startingAfter=" + messageId).status())
			.isEqualTo(200);
		assertThat(get(this.tenant.key(), conversation() + "/timeline?startingAfter=x").json().path("error").asString())
			.isEqualTo("startingAfter must be the id of a timeline item.");
		assertThat(get(this.tenant.key(), conversation() + "/timeline?limit=0").json().path("error").asString())
			.isEqualTo("limit must be an integer between 1 and 200.");
		assertThat(get(this.tenant.key(), conversation() + "/timeline?limit=201").status()).isEqualTo(400);
		assertThat(get(this.tenant.key(), conversation() + "/timeline?since=now").status()).isEqualTo(400);
	}

	@Test
	void missingConversationsAnswer404AndReadingNeedsConversationsRead() {
		assertThat(
				get(this.tenant.key(), "/api/v1/conversations/" + MISSING + "/timeline").json().path("code").asString())
			.isEqualTo("not_found");
		assertThat(get(this.tenant.key(), "/api/v1/conversations/nope/timeline").status()).isEqualTo(404);
		assertThat(get(keyFor(this.tenant.workspace(), "conversations:read"), conversation() + "/timeline").status())
			.isEqualTo(200);
		assertThat(get(keyFor(this.tenant.workspace(), "issues:read"), conversation() + "/timeline").status())
			.isEqualTo(403);
	}

	private List<String> walk(String firstPage) {
		List<String> seen = new ArrayList<>();
		String next = firstPage;
		while (next != null) {
			Reply page = get(this.tenant.key(), next);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			seen.addAll(ids(page));
			String link = page.header("Link");
			assertThat(link != null).isEqualTo(page.json().path("hasMore").asBoolean());
			next = (link != null) ? link.substring(link.indexOf('<') + 1, link.indexOf('>')) : null;
		}
		return seen;
	}

	private static List<String> ids(Reply reply) {
		return reply.json().path("items").valueStream().map((item) -> item.path("id").asString()).toList();
	}

	private static String describe(JsonNode item) {
		return switch (item.path("type").asString()) {
			case "message" -> "message " + item.at("/message/body").asString();
			case "note" -> "note " + item.at("/note/body").asString();
			default -> "change " + item.at("/change/type").asString();
		};
	}

	private String note(String author, String body) {
		Reply reply = post(this.tenant.key(), conversation() + "/notes",
				"{\"author\": " + author + ", \"body\": \"" + body + "\"}");
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().at("/note/id").asString();
	}

	private String conversation() {
		return "/api/v1/conversations/" + this.conversationId;
	}

	/**
	 * Lets the clock move on, so that consecutive steps happen in different milliseconds.
	 */
	private static void pause() {
		try {
			Thread.sleep(3);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

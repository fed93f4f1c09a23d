package dev.woes.note;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.operator.Operator;
import dev.woes.operator.Operators;
import dev.woes.shared.Uuids;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private notes over HTTP: written by an operator or an automation, read back, edited and
 * deleted, with mentions resolved from the body and an event for every change.
 */
class NotesIT extends ApiTest {

	private static final String MISSING = "0190f3a1-0000-7000-8000-000000000000";

	@Autowired
	private Operators operators;

	@Autowired
	private NoteBook noteBook;

	@Autowired
	private JdbcClient jdbc;

	private Tenant tenant;

	private String conversationId;

	private UUID ada;

	private UUID grace;

	@BeforeEach
	void conversationWithTwoOperators() {
		this.tenant = newTenant();
		this.conversationId = openConversation(this.tenant, "cus_1", "Export fails");
		this.ada = operator(this.tenant, "Ada", "Ada@Example.com");
		this.grace = operator(this.tenant, "Grace", "grace@example.org");
	}

	@Test
	void anOperatorWritesANoteAndReadsItBack() {
		Reply created = post(this.tenant.key(), notes(), """
				{"author": {"type": "operator", "id": "%s"}, "body": "Customer is on the legacy plan."}"""
			.formatted(this.ada));

		assertThat(created.status()).isEqualTo(201);
		JsonNode note = created.json().path("note");
		assertThat(created.fieldNames("")).containsExactly("note");
		assertThat(created.fieldNames("/note")).containsExactlyInAnyOrder("object", "id", "conversationId", "author",
				"body", "mentions", "createdAt", "updatedAt");
		assertThat(note.path("object").asString()).isEqualTo("note");
		assertThat(note.path("conversationId").asString()).isEqualTo(this.conversationId);
		assertThat(note.at("/author/type").asString()).isEqualTo("operator");
		assertThat(note.at("/author/id").asString()).isEqualTo(this.ada.toString());
		assertThat(note.at("/author/name").isNull()).isTrue();
		assertThat(note.path("body").asString()).isEqualTo("Customer is on the legacy plan.");
		assertThat(note.path("mentions")).isEmpty();
		assertThat(note.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(note.path("updatedAt").asString()).isEqualTo(note.path("createdAt").asString());

		Reply fetched = get(this.tenant.key(), notes() + "/" + note.path("id").asString());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json()).isEqualTo(created.json());
	}

	@Test
	void anAutomationWritesANoteUnderItsName() {
		Reply created = post(this.tenant.key(), notes(),
				"{\"author\": {\"type\": \"automation\", \"name\": \"triage-bot\"}, \"body\": \"Likely duplicate\"}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().at("/note/author/type").asString()).isEqualTo("automation");
		assertThat(created.json().at("/note/author/name").asString()).isEqualTo("triage-bot");
		assertThat(created.json().at("/note/author/id").isNull()).isTrue();
	}

	@Test
	void mentionsNameTheWorkspacesOperatorsByEmailWithoutCaseInOrderOfFirstMention() {
		Tenant other = newTenant();
		operator(other, "Linus", "linus@example.net");

		Reply created = post(this.tenant.key(), notes(),
				body(this.ada, "cc @grace@EXAMPLE.org and @ada@example.com, then again @grace@example.org. "
						+ "@nobody@example.com and @linus@example.net stay text; so does mail ada@example.com."));

		JsonNode note = created.json().path("note");
		assertThat(note.path("mentions").valueStream().map(JsonNode::asString)).containsExactly(this.grace.toString(),
				this.ada.toString());
		assertThat(note.path("body").asString()).contains("@nobody@example.com and @linus@example.net stay text");
	}

	@Test
	void anEditReplacesTheBodyAndResolvesMentionsAgain() {
		String id = writeNote("Ask @ada@example.com");
		Reply before = get(this.tenant.key(), notes() + "/" + id);
		assertThat(before.json().at("/note/mentions/0").asString()).isEqualTo(this.ada.toString());

		Reply edited = patch(this.tenant.key(), notes() + "/" + id, "{\"body\": \"Ask @grace@example.org instead\"}");

		assertThat(edited.status()).isEqualTo(200);
		JsonNode note = edited.json().path("note");
		assertThat(note.path("body").asString()).isEqualTo("Ask @grace@example.org instead");
		assertThat(note.path("mentions").valueStream().map(JsonNode::asString)).containsExactly(this.grace.toString());
		assertThat(note.path("createdAt").asString()).isEqualTo(before.json().at("/note/createdAt").asString());
		assertThat(Instant.parse(note.path("updatedAt").asString()))
			.isAfterOrEqualTo(Instant.parse(note.path("createdAt").asString()));
		assertThat(get(this.tenant.key(), notes() + "/" + id).json()).isEqualTo(edited.json());
	}

	@Test
	void aDeletedNoteIsGone() {
		String id = writeNote("Temporary");

		Reply deleted = send(this.tenant.key(), "DELETE", notes() + "/" + id, null);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertThat(get(this.tenant.key(), notes() + "/" + id).status()).isEqualTo(404);
		assertThat(send(this.tenant.key(), "DELETE", notes() + "/" + id, null).status()).isEqualTo(404);
		assertThat(get(this.tenant.key(), notes()).json().path("notes")).isEmpty();
	}

	@Test
	void everyChangeRecordsOneEventOfTheConversationAndADeletionForgetsTheText() {
		String id = writeNote("First @ada@example.com");
		patch(this.tenant.key(), notes() + "/" + id, "{\"body\": \"Second\"}");
		send(this.tenant.key(), "DELETE", notes() + "/" + id, null);

		List<Map<String, Object>> events = this.jdbc.sql("""
				SELECT type, subject_id, actor_type, data::text AS data FROM events
				WHERE workspace_id = :workspace AND type LIKE 'conversation.note.%' ORDER BY seq""")
			.param("workspace", this.tenant.workspace().id().value())
			.query()
			.listOfRows();
		assertThat(events).extracting((row) -> row.get("type"))
			.containsExactly("conversation.note.created", "conversation.note.updated", "conversation.note.deleted");
		assertThat(events).allSatisfy((row) -> {
			assertThat(row.get("subject_id")).isEqualTo(UUID.fromString(this.conversationId));
			assertThat(row.get("actor_type")).isEqualTo("api_key");
		});
		JsonNode created = JSON.readTree((String) events.get(0).get("data"));
		assertThat(created.at("/note/id").asString()).isEqualTo(id);
		assertThat(created.at("/note/body").asString()).isEqualTo("First @ada@example.com");
		assertThat(created.at("/note/mentions/0").asString()).isEqualTo(this.ada.toString());
		assertThat(JSON.readTree((String) events.get(1).get("data")).at("/note/body").asString()).isEqualTo("Second");
		JsonNode deleted = JSON.readTree((String) events.get(2).get("data"));
		assertThat(deleted.at("/note/id").asString()).isEqualTo(id);
		assertThat(deleted.path("note").has("body")).isFalse();
	}

	@Test
	void notesListOldestFirstPageByPage() {
		List<String> ids = List.of(writeNote("one"), writeNote("two"), writeNote("three"), writeNote("four"),
				writeNote("five"));

		Reply first = get(this.tenant.key(), notes() + "?limit=2");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.fieldNames("")).containsExactly("object", "hasMore", "notes");
		assertThat(first.json().path("hasMore").asBoolean()).isTrue();
		assertThat(bodies(first)).containsExactly("one", "two");
		assertThat(first.header("Link"))
			.isEqualTo("<" + notes() + "?limit=2&startingAfter=" + ids.get(1) + ">; rel=\"next\"");

		Reply second = get(this.tenant.key(), notes() + "?limit=2&startingAfter=" + ids.get(1));
		assertThat(bodies(second)).containsExactly("three", "four");
		Reply last = get(this.tenant.key(), notes() + "?limit=2&startingAfter=" + ids.get(3));
		assertThat(bodies(last)).containsExactly("five");
		assertThat(last.json().path("hasMore").asBoolean()).isFalse();
		assertThat(last.header("Link")).isNull();

		assertThat(this.noteBook.notesOf(this.tenant.workspace().id(), conversation())).extracting(Note::body)
			.containsExactly("one", "two", "three", "four", "five");
	}

	@Test
	void pagingGoesOnWhenTheLastNoteReadWasDeleted() {
		writeNote("one");
		String two = writeNote("two");
		writeNote("three");
		Reply first = get(this.tenant.key(), notes() + "?limit=2");
		assertThat(bodies(first)).containsExactly("one", "two");

		send(this.tenant.key(), "DELETE", notes() + "/" + two, null);
		Reply next = get(this.tenant.key(), notes() + "?limit=2&startingAfter=" + two);

		assertThat(next.status()).isEqualTo(200);
		assertThat(bodies(next)).containsExactly("three");
	}

	@Test
	void notesBelongToTheirConversation() {
		String id = writeNote("Here");
		String elsewhere = openConversation(this.tenant, "cus_2", "Other");

		assertThat(get(this.tenant.key(), "/api/v1/conversations/" + elsewhere + "/notes").json().path("notes"))
			.isEmpty();
		Reply wrongConversation = get(this.tenant.key(), "/api/v1/conversations/" + elsewhere + "/notes/" + id);
		assertThat(wrongConversation.status()).isEqualTo(404);
		assertThat(wrongConversation.json().path("error").asString()).isEqualTo("Note not found.");
		assertThat(
				patch(this.tenant.key(), "/api/v1/conversations/" + elsewhere + "/notes/" + id, "{\"body\": \"moved\"}")
					.status())
			.isEqualTo(404);
		assertThat(get(this.tenant.key(), notes() + "/" + id).json().at("/note/body").asString()).isEqualTo("Here");
		Reply cursorElsewhere = get(this.tenant.key(),
				"/api/v1/conversations/" + elsewhere + "/notes?startingAfter=" + id);
		assertThat(cursorElsewhere.status()).isEqualTo(400);
		assertThat(cursorElsewhere.json().path("error").asString())
			.isEqualTo("startingAfter must be the id of a note of this conversation.");
	}

	@Test
	void anAuthorMustBeAnOperatorOfTheWorkspace() {
		UUID stranger = operator(newTenant(), "Stranger", "stranger@example.com");

		Reply foreign = post(this.tenant.key(), notes(), body(stranger, "hi"));
		Reply unknown = post(this.tenant.key(), notes(), body(UUID.fromString(MISSING), "hi"));

		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().path("code").asString()).isEqualTo("not_found");
		assertThat(foreign.body()).isEqualTo(unknown.body());
		assertThat(get(this.tenant.key(), notes()).json().path("notes")).isEmpty();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM events WHERE workspace_id = :workspace AND type LIKE 'conversation.note.%'")
			.param("workspace", this.tenant.workspace().id().value())
			.query(Long.class)
			.single()).as("a refused note records no event").isZero();
	}

	@Test
	void missingConversationsAndNotesAnswer404() {
		String base = "/api/v1/conversations/" + MISSING + "/notes";
		assertThat(get(this.tenant.key(), base).status()).isEqualTo(404);
		assertThat(post(this.tenant.key(), base, body(this.ada, "x")).status()).isEqualTo(404);
		assertThat(get(this.tenant.key(), "/api/v1/conversations/not-a-uuid/notes").status()).isEqualTo(404);
		Reply missingNote = get(this.tenant.key(), notes() + "/" + MISSING);
		assertThat(missingNote.status()).isEqualTo(404);
		assertThat(missingNote.json().path("error").asString()).isEqualTo("Note not found.");
		assertThat(get(this.tenant.key(), notes() + "/not-a-uuid").status()).isEqualTo(404);
		assertThat(patch(this.tenant.key(), notes() + "/" + MISSING, "{\"body\": \"x\"}").status()).isEqualTo(404);
		assertThat(send(this.tenant.key(), "DELETE", notes() + "/" + MISSING, null).status()).isEqualTo(404);
		assertThat(get(this.tenant.key(), base + "/" + MISSING).json().path("error").asString())
			.isEqualTo("Conversation not found.");
	}

	@Test
	void malformedNotesAreRefusedWithTheFieldNamed() {
		Map<String, String> refused = Map.ofEntries(Map.entry("{}", "author is required; body is required."),
				Map.entry("{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}}", "body is required."),
				Map.entry(automation("\"\""), "body must be 1-8000 characters."),
				Map.entry(automation("\"   \""), "body must not be blank."),
				Map.entry(automation("\"" + "x".repeat(8001) + "\""), "body must be 1-8000 characters."),
				Map.entry(automation("42"), "body must be a string."),
				Map.entry(
						"{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}, \"body\": \"x\", \"role\": \"user\"}",
						"Unknown field: role."),
				Map.entry("{\"author\": {\"type\": \"customer\", \"id\": \"cus_1\"}, \"body\": \"x\"}",
						"author.type must be one of operator, automation."),
				Map.entry("{\"author\": {\"id\": \"" + MISSING + "\"}, \"body\": \"x\"}", "author.type is required."),
				Map.entry("{\"author\": {\"type\": \"operator\"}, \"body\": \"x\"}",
						"author.id is required for an operator."),
				Map.entry("{\"author\": {\"type\": \"operator\", \"id\": \"ada\"}, \"body\": \"x\"}",
						"author.id must be an operator id (a UUID)."),
				Map.entry(
						"{\"author\": {\"type\": \"operator\", \"id\": \"" + MISSING
								+ "\", \"name\": \"Ada\"}, \"body\": \"x\"}",
						"author.name is only for an automation; an operator is named by author.id."),
				Map.entry("{\"author\": {\"type\": \"automation\"}, \"body\": \"x\"}",
						"author.name is required for an automation."),
				Map.entry(
						"{\"author\": {\"type\": \"automation\", \"id\": \"" + MISSING
								+ "\", \"name\": \"bot\"}, \"body\": \"x\"}",
						"author.id is only for an operator; an automation is named by author.name."),
				Map.entry("{\"author\": {\"type\": \"automation\", \"name\": \"" + "b".repeat(81)
						+ "\"}, \"body\": \"x\"}", "author.name must be 1-80 characters."),
				Map.entry(
						"{\"author\": {\"type\": \"automation\", \"name\": \"bot\", \"email\": \"x\"}, \"body\": \"x\"}",
						"Unknown field: author.email."));

		refused.forEach((body, sentence) -> {
			Reply reply = post(this.tenant.key(), notes(), body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.json().path("code").asString()).as(body).isEqualTo("invalid_request");
			assertThat(reply.json().path("error").asString()).as(body).isEqualTo(sentence);
		});
		assertThat(get(this.tenant.key(), notes()).json().path("notes")).isEmpty();
	}

	@Test
	void malformedEditsAndQueriesAreRefused() {
		String id = writeNote("Keep me");
		Map<String, String> refused = Map.of("{}", "A PATCH body must carry body.", "{\"body\": null}",
				"body must not be null.", "{\"body\": \"\"}", "body must be 1-8000 characters.",
				"{\"body\": \"x\", \"author\": {\"type\": \"automation\", \"name\": \"bot\"}}",
				"Unknown field: author.");
		refused.forEach((body, sentence) -> {
			Reply reply = patch(this.tenant.key(), notes() + "/" + id, body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.json().path("error").asString()).as(body).isEqualTo(sentence);
		});
		assertThat(get(this.tenant.key(), notes() + "/" + id).json().at("/note/body").asString()).isEqualTo("Keep me");

		assertThat(get(this.tenant.key(), notes() + "?limit=0").json().path("error").asString())
			.isEqualTo("limit must be an integer between 1 and 100.");
		assertThat(get(this.tenant.key(), notes() + "?limit=101").status()).isEqualTo(400);
		assertThat(get(this.tenant.key(), notes() + "?startingAfter=nope").json().path("error").asString())
			.isEqualTo("startingAfter must be a note id.");
		assertThat(get(this.tenant.key(), notes() + "?startingAfter=" + MISSING).status()).isEqualTo(400);
		assertThat(get(this.tenant.key(), notes() + "?order=desc").status()).isEqualTo(400);
	}

	@Test
	void readingNeedsConversationsReadAndWritingConversationsWrite() {
		String id = writeNote("Scoped");
		String reader = keyFor(this.tenant.workspace(), "conversations:read");
		String issuesOnly = keyFor(this.tenant.workspace(), "issues:read");

		assertThat(get(reader, notes()).status()).isEqualTo(200);
		assertThat(get(reader, notes() + "/" + id).status()).isEqualTo(200);
		assertThat(post(reader, notes(), body(this.ada, "x")).status()).isEqualTo(403);
		assertThat(patch(reader, notes() + "/" + id, "{\"body\": \"x\"}").status()).isEqualTo(403);
		assertThat(send(reader, "DELETE", notes() + "/" + id, null).status()).isEqualTo(403);
		assertThat(get(issuesOnly, notes()).json().path("code").asString()).isEqualTo("insufficient_scope");
		assertThat(get(this.tenant.key(), notes() + "/" + id).json().at("/note/body").asString()).isEqualTo("Scoped");
	}

	private String writeNote(String text) {
		Reply reply = post(this.tenant.key(), notes(), body(this.ada, text));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().at("/note/id").asString();
	}

	private static String body(UUID operatorId, String text) {
		return JSON.writeValueAsString(
				Map.of("author", Map.of("type", "operator", "id", operatorId.toString()), "body", text));
	}

	private static String automation(String bodyJson) {
		return "{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}, \"body\": " + bodyJson + "}";
	}

	private String notes() {
		return "/api/v1/conversations/" + this.conversationId + "/notes";
	}

	private ConversationId conversation() {
		return new ConversationId(UUID.fromString(this.conversationId));
	}

	private static List<String> bodies(Reply reply) {
		return reply.json().path("notes").valueStream().map((note) -> note.path("body").asString()).toList();
	}

	private UUID operator(Tenant owner, String name, String email) {
		Operator operator = new Operator(Uuids.v7(), name, email, "member", "active", Instant.now(), null);
		this.operators.add(owner.workspace().id(), operator);
		return operator.id();
	}

}

package dev.woes.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.woes.operator.Operator;
import dev.woes.operator.Operators;
import dev.woes.shared.Uuids;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team's private notes on an issue: written (optionally by a named operator of the
 * workspace), listed oldest first, rewritten and deleted, each change recorded as an
 * event and counted as activity on the issue.
 */
class IssueNotesIT extends ApiTest {

	private static final String MISSING = IssuesIT.MISSING;

	@Autowired
	private Operators operators;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void writesReadsRewritesAndDeletesANote() throws InterruptedException {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Noted");
		Operator ada = new Operator(Uuids.v7(), "Ada", "ada@example.com", "member", "active", Instant.now(), null);
		this.operators.add(tenant.workspace().id(), ada);

		Thread.sleep(5);
		Reply written = post(tenant.key(), "/api/v1/issues/" + issue + "/notes",
				"{\"body\": \"Reproduced on staging.\", \"authorId\": \"" + ada.id() + "\"}");

		assertThat(written.status()).isEqualTo(201);
		assertThat(written.fieldNames("")).containsExactly("issueNote");
		assertThat(written.fieldNames("/issueNote")).containsExactly("object", "id", "issueId", "authorId", "body",
				"sourceConversationId", "createdAt", "updatedAt");
		JsonNode note = written.json().path("issueNote");
		String noteId = note.path("id").asString();
		assertThat(note.path("object").asString()).isEqualTo("issue_note");
		assertThat(note.path("issueId").asString()).isEqualTo(issue);
		assertThat(note.path("authorId").asString()).isEqualTo(ada.id().toString());
		assertThat(note.path("body").asString()).isEqualTo("Reproduced on staging.");
		assertThat(note.path("sourceConversationId").isNull()).isTrue();
		assertThat(note.path("updatedAt").asString()).isEqualTo(note.path("createdAt").asString());
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes/" + noteId).json()).isEqualTo(written.json());
		JsonNode issueAfter = get(tenant.key(), "/api/v1/issues/" + issue).json().path("issue");
		assertThat(issueAfter.path("lastActivityAt").asString()).isEqualTo(note.path("createdAt").asString());
		assertThat(issueAfter.path("updatedAt").asString()).isEqualTo(issueAfter.path("createdAt").asString());

		Thread.sleep(5);
		Reply rewritten = patch(tenant.key(), "/api/v1/issues/" + issue + "/notes/" + noteId,
				"{\"body\": \"Reproduced on staging and production.\"}");
		assertThat(rewritten.status()).isEqualTo(200);
		assertThat(rewritten.json().at("/issueNote/body").asString())
			.isEqualTo("Reproduced on staging and production.");
		assertThat(rewritten.json().at("/issueNote/updatedAt").asString())
			.isGreaterThan(note.path("createdAt").asString());
		assertThat(rewritten.json().at("/issueNote/authorId").asString()).isEqualTo(ada.id().toString());

		Reply deleted = send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/notes/" + noteId, null);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes/" + noteId).status()).isEqualTo(404);
		assertThat(send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/notes/" + noteId, null).status())
			.isEqualTo(404);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes").json().path("issueNotes")).isEmpty();

		List<Map<String, Object>> events = eventsOf(tenant);
		assertThat(events).extracting((row) -> row.get("type"))
			.containsExactly("issue.created", "issue.note.created", "issue.note.updated", "issue.note.deleted");
		assertThat(JSON.readTree((String) events.get(1).get("data"))).isEqualTo(note);
		assertThat(events.get(1).get("subject_id")).hasToString(issue);
	}

	@Test
	void aNoteWithoutAuthorHasANullAuthorAndAnUnchangedRewriteRecordsNothing() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Noted");
		Reply written = post(tenant.key(), "/api/v1/issues/" + issue + "/notes", "{\"body\": \"Same\"}");
		assertThat(written.json().at("/issueNote/authorId").isNull()).isTrue();

		Reply same = patch(tenant.key(),
				"/api/v1/issues/" + issue + "/notes/" + written.json().at("/issueNote/id").asString(),
				"{\"body\": \"Same\"}");

		assertThat(same.json()).isEqualTo(written.json());
		assertThat(eventsOf(tenant)).extracting((row) -> row.get("type"))
			.containsExactly("issue.created", "issue.note.created");
	}

	@Test
	void listsNotesOldestFirstPageByPage() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Noted");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ids.add(post(tenant.key(), "/api/v1/issues/" + issue + "/notes", "{\"body\": \"Note " + i + "\"}").json()
				.at("/issueNote/id")
				.asString());
		}

		List<String> walked = new ArrayList<>();
		String next = "/api/v1/issues/" + issue + "/notes?limit=3";
		while (next != null) {
			Reply page = get(tenant.key(), next);
			assertThat(page.fieldNames("")).containsExactly("object", "hasMore", "issueNotes");
			page.json().path("issueNotes").valueStream().forEach((n) -> walked.add(n.path("id").asString()));
			String header = page.header("Link");
			assertThat(header != null).isEqualTo(page.json().path("hasMore").asBoolean());
			next = (header != null) ? header.substring(1, header.indexOf('>')) : null;
		}
		assertThat(walked).containsExactlyElementsOf(ids);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes?startingAfter=" + MISSING).status())
			.isEqualTo(400);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes?limit=0").status()).isEqualTo(400);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes?startingAfter=abc").json()
			.path("error")
			.asString()).isEqualTo("startingAfter must be a note id.");
		String otherIssue = createIssue(tenant, "Noted");
		String othersNote = post(tenant.key(), "/api/v1/issues/" + otherIssue + "/notes", "{\"body\": \"x\"}").json()
			.at("/issueNote/id")
			.asString();
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes?startingAfter=" + othersNote).json()
			.path("error")
			.asString()).isEqualTo("startingAfter must be the id of a note of this issue.");
	}

	@Test
	void refusesInvalidNotesNamingTheField() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Noted");
		Map<String, String> bodies = Map.of("{}", "body is required.", "{\"body\": \"\"}",
				"body must be 1-8000 characters.", "{\"body\": \"" + "x".repeat(8001) + "\"}",
				"body must be 1-8000 characters.", "{\"body\": \"  \"}", "body must not be blank.",
				"{\"body\": \"x\", \"authorId\": \"ada\"}", "authorId must be a UUID.",
				"{\"body\": \"x\", \"internal\": true}", "Unknown field: internal.");
		bodies.forEach((body, error) -> {
			Reply reply = post(tenant.key(), "/api/v1/issues/" + issue + "/notes", body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.json().path("error").asString()).as(body).isEqualTo(error);
		});
		assertThat(post(tenant.key(), "/api/v1/issues/" + issue + "/notes", "{\"body\": \"" + "x".repeat(8000) + "\"}")
			.status()).isEqualTo(201);
		String noteId = get(tenant.key(), "/api/v1/issues/" + issue + "/notes").json()
			.at("/issueNotes/0/id")
			.asString();
		Reply emptyPatch = patch(tenant.key(), "/api/v1/issues/" + issue + "/notes/" + noteId, "{}");
		assertThat(emptyPatch.status()).isEqualTo(400);
		assertThat(emptyPatch.json().path("error").asString()).isEqualTo("body is required.");
	}

	@Test
	void anAuthorMustBeAnOperatorOfTheWorkspace() {
		Tenant tenant = newTenant();
		Tenant other = newTenant();
		String issue = createIssue(tenant, "Noted");
		Operator foreign = new Operator(Uuids.v7(), "Eve", "eve@example.com", "member", "active", Instant.now(), null);
		this.operators.add(other.workspace().id(), foreign);

		Reply viaForeign = post(tenant.key(), "/api/v1/issues/" + issue + "/notes",
				"{\"body\": \"x\", \"authorId\": \"" + foreign.id() + "\"}");
		Reply viaMissing = post(tenant.key(), "/api/v1/issues/" + issue + "/notes",
				"{\"body\": \"x\", \"authorId\": \"" + MISSING + "\"}");

		assertThat(viaForeign.status()).isEqualTo(404);
		assertThat(viaForeign.body()).isEqualTo(viaMissing.body());
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/notes").json().path("issueNotes")).isEmpty();
	}

	@Test
	void aNoteOfAnotherIssueIsNotFoundThroughThisIssue() {
		Tenant tenant = newTenant();
		String first = createIssue(tenant, "Noted");
		String second = createIssue(tenant, "Noted");
		String noteId = post(tenant.key(), "/api/v1/issues/" + first + "/notes", "{\"body\": \"x\"}").json()
			.at("/issueNote/id")
			.asString();

		assertThat(get(tenant.key(), "/api/v1/issues/" + second + "/notes/" + noteId).status()).isEqualTo(404);
		assertThat(patch(tenant.key(), "/api/v1/issues/" + second + "/notes/" + noteId, "{\"body\": \"y\"}").status())
			.isEqualTo(404);
		assertThat(send(tenant.key(), "DELETE", "/api/v1/issues/" + second + "/notes/" + noteId, null).status())
			.isEqualTo(404);
		assertThat(get(tenant.key(), "/api/v1/issues/" + first + "/notes/" + noteId).json()
			.at("/issueNote/body")
			.asString()).isEqualTo("x");
	}

	@Test
	void notesNeedTheIssueScopes() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Noted");
		String reader = keyFor(tenant.workspace(), "issues:read");
		assertThat(post(reader, "/api/v1/issues/" + issue + "/notes", "{\"body\": \"x\"}").status()).isEqualTo(403);
		assertThat(get(reader, "/api/v1/issues/" + issue + "/notes").status()).isEqualTo(200);
		String conversations = keyFor(tenant.workspace(), "conversations:read");
		assertThat(get(conversations, "/api/v1/issues/" + issue + "/notes").status()).isEqualTo(403);
	}

}

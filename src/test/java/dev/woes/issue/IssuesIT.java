package dev.woes.issue;

import java.util.List;
import java.util.Map;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Issues API over HTTP: the contract's issue object, defaults, raising an issue from
 * a conversation, the closedAt rule, replacing tags and customer, limits, scopes and
 * events.
 */
class IssuesIT extends ApiTest {

	static final String MISSING = "0190f3a1-0000-7000-8000-000000000000";

	private static final List<String> ISSUE_FIELDS = List.of("object", "id", "subject", "preview", "description",
			"statusCategory", "priority", "tags", "customer", "source", "createdAt", "updatedAt", "lastActivityAt",
			"closedAt");

	@Autowired
	private JdbcClient jdbc;

	@Test
	void createsAnIssueWithTheDefaultsAndAnswersExactlyTheContractsFields() {
		Tenant tenant = newTenant();

		Reply created = post(tenant.key(), "/api/v1/issues", "{\"subject\": \"OAuth redirect URI mismatch\"}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.fieldNames("")).containsExactly("issue");
		assertThat(created.fieldNames("/issue")).containsExactlyElementsOf(ISSUE_FIELDS);
		JsonNode issue = created.json().path("issue");
		assertThat(issue.path("object").asString()).isEqualTo("issue");
		assertThat(issue.path("subject").asString()).isEqualTo("OAuth redirect URI mismatch");
		assertThat(issue.path("preview").asString()).isEqualTo("OAuth redirect URI mismatch");
		assertThat(issue.path("description").asString()).isEmpty();
		assertThat(issue.path("statusCategory").asString()).isEqualTo("new");
		assertThat(issue.path("priority").asString()).isEqualTo("medium");
		assertThat(issue.path("tags").isArray()).isTrue();
		assertThat(issue.path("tags")).isEmpty();
		assertThat(created.fieldNames("/issue/customer")).containsExactly("name", "email", "company");
		assertThat(issue.at("/customer/name").asString()).isEmpty();
		assertThat(issue.at("/customer/email").isNull()).isTrue();
		assertThat(issue.at("/customer/company").asString()).isEmpty();
		assertThat(created.fieldNames("/issue/source")).containsExactly("channel", "conversationId");
		assertThat(issue.at("/source/channel").asString()).isEqualTo("api");
		assertThat(issue.at("/source/conversationId").isNull()).isTrue();
		assertThat(issue.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(issue.path("updatedAt").asString()).isEqualTo(issue.path("createdAt").asString());
		assertThat(issue.path("lastActivityAt").asString()).isEqualTo(issue.path("createdAt").asString());
		assertThat(issue.path("closedAt").isNull()).isTrue();

		Reply fetched = get(tenant.key(), "/api/v1/issues/" + issue.path("id").asString());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json()).isEqualTo(created.json());
	}

	@Test
	void storesEveryFieldDeduplicatingTagsWithoutCase() {
		Tenant tenant = newTenant();

		Reply created = post(tenant.key(), "/api/v1/issues", """
				{"subject": "Export fails", "description": "  Customer reports\\n a timeout   on export. ",
				 "priority": "high", "statusCategory": "on_you", "tags": ["OAuth", "production", "oauth", "OAUTH"],
				 "customer": {"name": "Ada Lovelace", "email": "ada@example.com", "company": "Example API Co"},
				 "sourceChannel": "zapier"}""");

		assertThat(created.status()).isEqualTo(201);
		JsonNode issue = get(tenant.key(), "/api/v1/issues/" + created.json().at("/issue/id").asString()).json()
			.path("issue");
		assertThat(issue.path("description").asString()).isEqualTo("  Customer reports\n a timeout   on export. ");
		assertThat(issue.path("preview").asString()).isEqualTo("Customer reports a timeout on export.");
		assertThat(issue.path("priority").asString()).isEqualTo("high");
		assertThat(issue.path("statusCategory").asString()).isEqualTo("on_you");
		assertThat(issue.path("tags").valueStream().map(JsonNode::asString)).containsExactly("OAuth", "production");
		assertThat(issue.at("/customer/name").asString()).isEqualTo("Ada Lovelace");
		assertThat(issue.at("/customer/email").asString()).isEqualTo("ada@example.com");
		assertThat(issue.at("/customer/company").asString()).isEqualTo("Example API Co");
		assertThat(issue.at("/source/channel").asString()).isEqualTo("zapier");
		assertThat(issue.at("/source/conversationId").isNull()).isTrue();
	}

	@Test
	void anIssueCreatedClosedIsClosedAtItsCreation() {
		Tenant tenant = newTenant();
		JsonNode issue = post(tenant.key(), "/api/v1/issues", "{\"subject\": \"Old\", \"statusCategory\": \"closed\"}")
			.json()
			.path("issue");
		assertThat(issue.path("closedAt").asString()).isEqualTo(issue.path("createdAt").asString());
	}

	@Test
	void raisingAnIssueFromAConversationCopiesTheConversationsPrivateNotes() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_1", "Export stops at 10k rows");
		String notes = "/api/v1/conversations/" + conversationId + "/notes";
		post(tenant.key(), notes,
				"{\"author\": {\"type\": \"automation\", \"name\": \"triage\"}, \"body\": \"Seen twice\"}");
		post(tenant.key(), notes,
				"{\"author\": {\"type\": \"automation\", \"name\": \"triage\"}, \"body\": \"Only CSV\"}");

		String issueId = post(tenant.key(), "/api/v1/issues",
				"{\"subject\": \"CSV export truncated\", \"sourceConversationId\": \"" + conversationId + "\"}")
			.json()
			.at("/issue/id")
			.asString();

		JsonNode copies = get(tenant.key(), "/api/v1/issues/" + issueId + "/notes").json().path("issueNotes");
		assertThat(copies).extracting((note) -> note.path("body").asString()).containsExactly("Seen twice", "Only CSV");
		assertThat(copies).extracting((note) -> note.path("sourceConversationId").asString())
			.containsOnly(conversationId);
		assertThat(get(tenant.key(), notes).json().path("notes")).as("the conversation keeps its own notes").hasSize(2);
	}

	@Test
	void raisingAnIssueFromAConversationLinksItAndTakesItsCustomerAndChannel() {
		Tenant tenant = newTenant();
		String conversationId = post(tenant.key(), "/api/v1/conversations", """
				{"subject": "Webhook retries", "channel": "email",
				 "customer": {"id": "cus_7", "name": "Grace", "email": "grace@example.com", "company": "Navy"}}""")
			.json()
			.at("/conversation/id")
			.asString();

		Reply created = post(tenant.key(), "/api/v1/issues",
				"{\"subject\": \"Retries stop early\", \"sourceConversationId\": \"" + conversationId + "\"}");

		assertThat(created.status()).isEqualTo(201);
		JsonNode issue = created.json().path("issue");
		String issueId = issue.path("id").asString();
		assertThat(issue.at("/source/conversationId").asString()).isEqualTo(conversationId);
		assertThat(issue.at("/source/channel").asString()).isEqualTo("email");
		assertThat(issue.at("/customer/name").asString()).isEqualTo("Grace");
		assertThat(issue.at("/customer/email").asString()).isEqualTo("grace@example.com");
		assertThat(issue.at("/customer/company").asString()).isEqualTo("Navy");
		Reply links = get(tenant.key(), "/api/v1/conversations/" + conversationId + "/issues");
		assertThat(links.json().path("issueLinks")).hasSize(1);
		assertThat(links.json().at("/issueLinks/0/issueId").asString()).isEqualTo(issueId);
		assertThat(links.json().at("/issueLinks/0/linkedAt").asString()).isEqualTo(issue.path("createdAt").asString());
		assertThat(eventTypesOf(tenant)).containsExactly("conversation.created", "issue.created",
				"conversation.issue.linked");

		Reply explicit = post(tenant.key(), "/api/v1/issues", "{\"subject\": \"Second\", \"sourceConversationId\": \""
				+ conversationId + "\", \"sourceChannel\": \"web\", \"customer\": {\"name\": \"Someone else\"}}");
		assertThat(explicit.json().at("/issue/source/channel").asString()).isEqualTo("web");
		assertThat(explicit.json().at("/issue/customer/name").asString()).isEqualTo("Someone else");
		assertThat(explicit.json().at("/issue/customer/email").isNull()).isTrue();
	}

	@Test
	void aSourceConversationOfAnotherWorkspaceAnswers404LikeAMissingOneAndCreatesNothing() {
		Tenant owner = newTenant();
		Tenant stranger = newTenant();
		String foreign = openConversation(owner, "cus_1", "Private");

		Reply viaForeign = post(stranger.key(), "/api/v1/issues",
				"{\"subject\": \"Probe\", \"sourceConversationId\": \"" + foreign + "\"}");
		Reply viaMissing = post(stranger.key(), "/api/v1/issues",
				"{\"subject\": \"Probe\", \"sourceConversationId\": \"" + MISSING + "\"}");

		assertThat(viaForeign.status()).isEqualTo(404);
		assertThat(viaForeign.body()).isEqualTo(viaMissing.body());
		assertThat(viaForeign.json().path("code").asString()).isEqualTo("not_found");
		assertThat(get(stranger.key(), "/api/v1/issues").json().path("issues")).isEmpty();
		assertThat(get(owner.key(), "/api/v1/conversations/" + foreign + "/issues").json().path("issueLinks"))
			.isEmpty();
		assertThat(eventTypesOf(stranger)).isEmpty();
		assertThat(get(stranger.key(), "/api/v1/issues?sourceConversationId=" + foreign).json().path("issues"))
			.isEmpty();
	}

	@Test
	void closedAtIsSetWhenTheIssueClosesAndClearedWhenItLeavesClosed() throws InterruptedException {
		Tenant tenant = newTenant();
		String id = createIssue(tenant, "Flaky login");

		Thread.sleep(5);
		JsonNode closed = patch(tenant.key(), "/api/v1/issues/" + id, "{\"statusCategory\": \"closed\"}").json()
			.path("issue");
		assertThat(closed.path("statusCategory").asString()).isEqualTo("closed");
		assertThat(closed.path("closedAt").asString()).isEqualTo(closed.path("updatedAt").asString());
		assertThat(closed.path("updatedAt").asString()).isGreaterThan(closed.path("createdAt").asString());
		assertThat(closed.path("lastActivityAt").asString()).isEqualTo(closed.path("updatedAt").asString());

		Thread.sleep(5);
		JsonNode stillClosed = patch(tenant.key(), "/api/v1/issues/" + id,
				"{\"statusCategory\": \"closed\", \"priority\": \"low\"}")
			.json()
			.path("issue");
		assertThat(stillClosed.path("closedAt").asString()).isEqualTo(closed.path("closedAt").asString());

		JsonNode reopened = patch(tenant.key(), "/api/v1/issues/" + id, "{\"statusCategory\": \"on_hold\"}").json()
			.path("issue");
		assertThat(reopened.path("statusCategory").asString()).isEqualTo("on_hold");
		assertThat(reopened.path("closedAt").isNull()).isTrue();
		assertThat(get(tenant.key(), "/api/v1/issues/" + id).json().path("issue")).isEqualTo(reopened);
	}

	@Test
	void tagsAndCustomerAreReplacedAndOtherFieldsKept() {
		Tenant tenant = newTenant();
		String id = post(tenant.key(), "/api/v1/issues", """
				{"subject": "Quota", "description": "Hits the limit", "tags": ["billing", "quota"],
				 "customer": {"name": "Ada", "email": "ada@example.com", "company": "Acme"}}""").json()
			.at("/issue/id")
			.asString();

		JsonNode changed = patch(tenant.key(), "/api/v1/issues/" + id,
				"{\"tags\": [\"Limits\", \"limits\"], \"customer\": {\"name\": \"Grace\"}}")
			.json()
			.path("issue");

		assertThat(changed.path("tags").valueStream().map(JsonNode::asString)).containsExactly("Limits");
		assertThat(changed.at("/customer/name").asString()).isEqualTo("Grace");
		assertThat(changed.at("/customer/email").isNull()).isTrue();
		assertThat(changed.at("/customer/company").asString()).isEmpty();
		assertThat(changed.path("subject").asString()).isEqualTo("Quota");
		assertThat(changed.path("description").asString()).isEqualTo("Hits the limit");

		JsonNode cleared = patch(tenant.key(), "/api/v1/issues/" + id,
				"{\"tags\": [], \"description\": \"\", \"subject\": \"Quota exceeded\"}")
			.json()
			.path("issue");
		assertThat(cleared.path("tags")).isEmpty();
		assertThat(cleared.path("description").asString()).isEmpty();
		assertThat(cleared.path("preview").asString()).isEqualTo("Quota exceeded");
	}

	@Test
	void everyChangeRecordsIssueUpdatedWithTheIssueObjectAndANoOpChangeRecordsNothing() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/issues",
				"{\"subject\": \"Crash\", \"priority\": \"high\", \"tags\": [\"ios\"]}");
		String id = created.json().at("/issue/id").asString();

		Reply unchanged = patch(tenant.key(), "/api/v1/issues/" + id,
				"{\"priority\": \"high\", \"tags\": [\"ios\", \"IOS\"], \"subject\": \"Crash\"}");
		assertThat(unchanged.status()).isEqualTo(200);
		assertThat(unchanged.json()).isEqualTo(created.json());
		Reply changed = patch(tenant.key(), "/api/v1/issues/" + id, "{\"priority\": \"urgent\"}");

		List<Map<String, Object>> events = eventsOf(tenant);
		assertThat(events).extracting((row) -> row.get("type")).containsExactly("issue.created", "issue.updated");
		assertThat(JSON.readTree((String) events.get(0).get("data"))).isEqualTo(created.json().path("issue"));
		assertThat(JSON.readTree((String) events.get(1).get("data"))).isEqualTo(changed.json().path("issue"));
		assertThat(events.get(1).get("subject_id")).hasToString(id);
		assertThat(events.get(1).get("actor_type")).isEqualTo("api_key");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no subject                  | {}                                                          | subject is required.
					blank subject               | {"subject": "   "}                                          | subject must not be blank.
					subject too long            | {"subject": "%181"}                                         | subject must be 1-180 characters.
					subject not a string        | {"subject": 5}                                              | subject must be a string.
					description too long        | {"subject": "s", "description": "%8001"}                    | description must be at most 8000 characters.
					priority empty              | {"subject": "s", "priority": ""}                            | priority must be 1-32 characters.
					priority too long           | {"subject": "s", "priority": "%33"}                         | priority must be 1-32 characters.
					unknown statusCategory      | {"subject": "s", "statusCategory": "open"}                  | statusCategory must be one of new, on_you, on_customer, on_hold, closed.
					too many tags               | {"subject": "s", "tags": [%26tags]}                         | tags must have at most 25 items.
					empty tag                   | {"subject": "s", "tags": ["ok", ""]}                        | tags[1] must be 1-64 non-blank characters.
					tag too long                | {"subject": "s", "tags": ["%65"]}                           | tags[0] must be 1-64 non-blank characters.
					tag not a string            | {"subject": "s", "tags": [1]}                               | tags[0] must be a string.
					tags not an array           | {"subject": "s", "tags": "a"}                               | tags must be an array.
					customer name too long      | {"subject": "s", "customer": {"name": "%161"}}              | customer.name must be at most 160 characters.
					customer company too long   | {"subject": "s", "customer": {"company": "%161"}}           | customer.company must be at most 160 characters.
					customer email invalid      | {"subject": "s", "customer": {"email": "nope"}}             | customer.email must be an email address.
					customer unknown field      | {"subject": "s", "customer": {"id": "c1"}}                  | Unknown field: customer.id.
					source conversation no uuid | {"subject": "s", "sourceConversationId": "abc"}             | sourceConversationId must be a UUID.
					source channel empty        | {"subject": "s", "sourceChannel": ""}                       | sourceChannel must be 1-80 characters.
					source channel too long     | {"subject": "s", "sourceChannel": "%81"}                    | sourceChannel must be 1-80 characters.
					unknown field               | {"subject": "s", "status": "new"}                           | Unknown field: status.
					""")
	void refusesAnInvalidCreateNamingTheField(String name, String body, String error) {
		Tenant tenant = newTenant();
		Reply reply = post(tenant.key(), "/api/v1/issues", expand(body));
		assertThat(reply.status()).as(name).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_request");
		assertThat(reply.json().path("error").asString()).as(name).isEqualTo(error);
		assertThat(get(tenant.key(), "/api/v1/issues").json().path("issues")).isEmpty();
	}

	@Test
	void acceptsEveryFieldAtItsLimits() {
		Tenant tenant = newTenant();
		Reply reply = post(tenant.key(), "/api/v1/issues", expand("""
				{"subject": "%180", "description": "%8000", "priority": "%32", "tags": [%25tags],
				 "customer": {"name": "%160", "company": "%160"}, "sourceChannel": "%80"}"""));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().at("/issue/tags")).hasSize(25);
		assertThat(post(tenant.key(), "/api/v1/issues", expand("{\"subject\": \"s\", \"tags\": [\"%64\"]}")).status())
			.isEqualTo(201);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					empty body            | {}                                    | A PATCH body must carry at least one of subject, description, priority, statusCategory, tags, customer.
					null subject          | {"subject": null}                     | subject must not be null.
					null description      | {"description": null}                 | description must not be null.
					null tags             | {"tags": null}                        | tags must not be null.
					null customer         | {"customer": null}                    | customer must not be null.
					subject too long      | {"subject": "%181"}                   | subject must be 1-180 characters.
					description too long  | {"description": "%8001"}              | description must be at most 8000 characters.
					priority too long     | {"priority": "%33"}                   | priority must be 1-32 characters.
					bad statusCategory    | {"statusCategory": "solved"}          | statusCategory must be one of new, on_you, on_customer, on_hold, closed.
					too many tags         | {"tags": [%26tags]}                   | tags must have at most 25 items.
					tag too long          | {"tags": ["%65"]}                     | tags[0] must be 1-64 non-blank characters.
					bad customer email    | {"customer": {"email": "x"}}          | customer.email must be an email address.
					source not changeable | {"sourceConversationId": "%uuid"}     | Unknown field: sourceConversationId.
					""")
	void refusesAnInvalidPatchNamingTheFieldAndChangesNothing(String name, String body, String error) {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/issues", "{\"subject\": \"Keep me\", \"tags\": [\"a\"]}");
		String id = created.json().at("/issue/id").asString();

		Reply reply = patch(tenant.key(), "/api/v1/issues/" + id, expand(body));

		assertThat(reply.status()).as(name).isEqualTo(400);
		assertThat(reply.json().path("error").asString()).as(name).isEqualTo(error);
		assertThat(get(tenant.key(), "/api/v1/issues/" + id).json()).isEqualTo(created.json());
	}

	@Test
	void aMissingOrMalformedIssueIdAnswers404() {
		Tenant tenant = newTenant();
		for (String id : List.of(MISSING, "not-a-uuid", "issue_123")) {
			assertThat(get(tenant.key(), "/api/v1/issues/" + id).status()).isEqualTo(404);
			Reply patched = patch(tenant.key(), "/api/v1/issues/" + id, "{\"priority\": \"low\"}");
			assertThat(patched.status()).isEqualTo(404);
			assertThat(patched.json().path("error").asString()).isEqualTo("Issue not found.");
		}
	}

	@Test
	void readingNeedsIssuesReadAndWritingNeedsIssuesWrite() {
		Tenant tenant = newTenant();
		String id = createIssue(tenant, "Scoped");
		String reader = keyFor(tenant.workspace(), "issues:read");
		String conversationsOnly = keyFor(tenant.workspace(), "conversations:read", "conversations:write");

		assertThat(get(reader, "/api/v1/issues").status()).isEqualTo(200);
		assertThat(get(reader, "/api/v1/issues/" + id).status()).isEqualTo(200);
		Reply refused = post(reader, "/api/v1/issues", "{\"subject\": \"x\"}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("code").asString()).isEqualTo("insufficient_scope");
		assertThat(patch(reader, "/api/v1/issues/" + id, "{\"priority\": \"low\"}").status()).isEqualTo(403);
		assertThat(get(conversationsOnly, "/api/v1/issues").status()).isEqualTo(403);
		assertThat(get(conversationsOnly, "/api/v1/issues/" + id).status()).isEqualTo(403);
		String writer = keyFor(tenant.workspace(), "issues:write");
		assertThat(post(writer, "/api/v1/issues", "{\"subject\": \"x\"}").status()).isEqualTo(201);
		assertThat(get(writer, "/api/v1/issues").status()).isEqualTo(403);
	}

	/**
	 * Expands {@code %N} to N letters, {@code %Ntags} to N distinct tags and
	 * {@code %uuid} to a UUID, so that limits read plainly in the tables above.
	 */
	static String expand(String body) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("%(\\d+)(tags)?|%uuid").matcher(body);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if (matcher.group(0).equals("%uuid")) {
				replacement = MISSING;
			}
			else if (matcher.group(2) != null) {
				int count = Integer.parseInt(matcher.group(1));
				replacement = String.join(", ",
						java.util.stream.IntStream.range(0, count).mapToObj((i) -> "\"tag" + i + "\"").toList());
			}
			else {
				replacement = "x".repeat(Integer.parseInt(matcher.group(1)));
			}
			matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}

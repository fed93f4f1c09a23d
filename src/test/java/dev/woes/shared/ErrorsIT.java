package dev.woes.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import dev.woes.auth.ApiKey;
import dev.woes.auth.ApiKeyId;
import dev.woes.auth.ApiKeySecret;
import dev.woes.auth.ApiKeys;
import dev.woes.auth.KeyVerifier;
import dev.woes.support.ApiTest;
import dev.woes.support.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the contract's error table, each answered with exactly {@code {code,
 * error}}.
 */
class ErrorsIT extends ApiTest {

	@Autowired
	private ApiKeys apiKeys;

	@Autowired
	private KeyVerifier verifier;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					malformed JSON                 | {"subject": "x",                                                     | not valid JSON
					trailing garbage               | {"subject": "x", "customer": {"id": "c"}} extra                      | not valid JSON
					duplicate key                  | {"subject": "x", "subject": "y", "customer": {"id": "c"}}            | not valid JSON
					unknown field                  | {"subject": "x", "customer": {"id": "c"}, "owner": "me"}             | Unknown field: owner
					unknown nested field           | {"subject": "x", "customer": {"id": "c", "phone": "1"}}              | Unknown field: customer.phone
					number for a string            | {"subject": 42, "customer": {"id": "c"}}                             | subject must be a string
					boolean for a string           | {"subject": true, "customer": {"id": "c"}}                           | subject must be a string
					string for an object           | {"subject": "x", "customer": "c"}                                    | customer must be an object
					array for a string             | {"subject": ["x"], "customer": {"id": "c"}}                          | subject must be a string
					body is an array               | [{"subject": "x"}]                                                   | must be a JSON object
					body is a string               | "hello"                                                              | must be a JSON object
					missing subject                | {"customer": {"id": "c"}}                                            | subject is required
					missing customer               | {"subject": "x"}                                                     | customer is required
					missing customer id            | {"subject": "x", "customer": {"name": "Ada"}}                        | customer.id is required
					empty subject                  | {"subject": "", "customer": {"id": "c"}}                             | subject must be 1-160 characters
					blank subject                  | {"subject": "   ", "customer": {"id": "c"}}                          | subject must not be blank
					unknown channel                | {"subject": "x", "channel": "fax", "customer": {"id": "c"}}          | channel must be one of api, live-chat, email, discord
					empty priority                 | {"subject": "x", "priority": "", "customer": {"id": "c"}}            | priority must be 1-32 characters
					bad email                      | {"subject": "x", "customer": {"id": "c", "email": "not-an-email"}}   | customer.email must be an email address
					unverifiable identity source   | {"subject": "x", "customer": {"id": "c", "identitySource": "widget-token"}} | customer.identitySource must be headers
					""")
	void refusesABadConversationBodyNamingTheProblemAndStoresNothing(String label, String body, String sentence) {
		Tenant tenant = newTenant();

		Reply reply = post(tenant.key(), "/api/v1/conversations", body);

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
		assertThat(get(tenant.key(), "/api/v1/conversations").json().path("conversations")).isEmpty();
	}

	@ParameterizedTest(name = "{0} of {1} characters")
	@CsvSource({ "subject, 161, 'subject must be 1-160 characters'", "priority, 33, 'priority must be 1-32 characters'",
			"externalId, 201, 'externalId must be 1-200 characters'" })
	void refusesTopLevelTextsOverTheirLimit(String field, int length, String sentence) {
		Tenant tenant = newTenant();
		String body = "{\"subject\": \"x\", \"customer\": {\"id\": \"c\"}, \"" + field + "\": \"" + "a".repeat(length)
				+ "\"}";
		body = body.replaceFirst("\"subject\": \"x\", ", field.equals("subject") ? "" : "\"subject\": \"x\", ");

		Reply reply = post(tenant.key(), "/api/v1/conversations", body);

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

	@ParameterizedTest(name = "customer.{0} of {1} characters")
	@CsvSource({ "id, 201, 'customer.id must be 1-200 characters'", "name, 161, 'customer.name must be at most 160'",
			"company, 161, 'customer.company must be at most 160'" })
	void refusesCustomerTextsOverTheirLimit(String field, int length, String sentence) {
		Tenant tenant = newTenant();
		String customer = field.equals("id") ? "{\"id\": \"" + "a".repeat(length) + "\"}"
				: "{\"id\": \"c\", \"" + field + "\": \"" + "a".repeat(length) + "\"}";

		Reply reply = post(tenant.key(), "/api/v1/conversations",
				"{\"subject\": \"x\", \"customer\": " + customer + "}");

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

	@Test
	void countsCharactersNotBytes() {
		Tenant tenant = newTenant();
		String subject = "😀".repeat(160);

		Reply reply = post(tenant.key(), "/api/v1/conversations",
				"{\"subject\": \"" + subject + "\", \"customer\": {\"id\": \"c\"}}");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().at("/conversation/subject").asString()).isEqualTo(subject);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					empty body object   | {}                                  | must carry at least one of status, priority, subject
					null status         | {"status": null}                    | status must not be null
					unknown status      | {"status": "closed"}                | status must be one of open, waiting, solved
					unknown field       | {"status": "open", "assignee": "x"} | Unknown field: assignee
					long subject        | {"subject": "%s"}                   | subject must be 1-160 characters
					""")
	void refusesABadPatchAndChangesNothing(String label, String body, String sentence) {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "c", "Untouched");
		String before = get(tenant.key(), "/api/v1/conversations/" + id).body();

		Reply reply = patch(tenant.key(), "/api/v1/conversations/" + id, body.formatted("s".repeat(161)));

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id).body()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			missing body      | {"role": "user"}                   | body is required
			empty body        | {"body": ""}                       | body must be 1-8000 characters
			unknown role      | {"body": "hi", "role": "system"}   | role must be one of user, assistant
			number body       | {"body": 1}                        | body must be a string
			""")
	void refusesABadMessageAndRecordsNothing(String label, String body, String sentence) {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "c", "Quiet");

		Reply reply = post(tenant.key(), "/api/v1/conversations/" + id + "/messages", body);

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id + "/messages").json().path("messages")).isEmpty();
	}

	@Test
	void refusesAMessageOverEightThousandCharacters() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "c", "Long");

		Reply reply = post(tenant.key(), "/api/v1/conversations/" + id + "/messages",
				"{\"body\": \"" + "x".repeat(8001) + "\"}");

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains("body must be 1-8000 characters");
		assertThat(post(tenant.key(), "/api/v1/conversations/" + id + "/messages",
				"{\"body\": \"" + "x".repeat(8000) + "\"}")
			.status()).isEqualTo(201);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					limit zero               | limit=0                 | limit must be an integer between 1 and 100
					limit too large          | limit=101               | limit must be an integer between 1 and 100
					limit not a number       | limit=ten               | limit must be an integer between 1 and 100
					limit negative           | limit=-1                | limit must be an integer between 1 and 100
					unknown status           | status=closed           | status must be one of open, waiting, solved
					unknown channel          | channel=fax             | channel must be one of api, live-chat, email, discord
					empty customer id        | customerId=             | customerId must be 1-200 characters
					cursor not an id         | startingAfter=abc       | startingAfter must be a conversation id
					cursor of nothing        | startingAfter=0190f3a1-0000-7000-8000-000000000000 | startingAfter must be the id of a conversation
					misspelled parameter     | staus=open              | Unknown query parameter: staus
					""")
	void refusesBadListParameters(String label, String query, String sentence) {
		Tenant tenant = newTenant();

		Reply reply = get(tenant.key(), "/api/v1/conversations?" + query);

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					limit too large     | limit=1001            | limit must be an integer between 1 and 1000
					cursor not an id    | startingAfter=abc     | startingAfter must be a message id
					cursor of nothing   | startingAfter=0190f3a1-0000-7000-8000-000000000000 | startingAfter must be the id of a message
					unknown parameter   | order=desc            | Unknown query parameter: order
					""")
	void refusesBadMessageListParameters(String label, String query, String sentence) {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "c", "Thread");

		Reply reply = get(tenant.key(), "/api/v1/conversations/" + id + "/messages?" + query);

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

	@Test
	void refusesABodyThatIsNotJson() {
		Tenant tenant = newTenant();

		Reply reply = send(tenant.key(), "POST", "/api/v1/conversations", null);
		assertError(reply, 400, "invalid_request");

		Reply form = exchange(this.port, tenant.key(), "POST", "/api/v1/conversations", "subject=x",
				Map.of("Content-Type", "application/x-www-form-urlencoded"));
		assertError(form, 400, "invalid_request");
		assertThat(form.json().path("error").asString()).contains("JSON");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					NUL in subject          | {"subject": "a\\u0000b", "customer": {"id": "c"}}   | subject must not contain NUL characters
					lone surrogate          | {"subject": "\\ud800", "customer": {"id": "c"}}     | subject must not contain NUL characters or unpaired surrogates
					NUL in customer id      | {"subject": "x", "customer": {"id": "\\u0000"}}     | customer.id must not contain NUL
					""")
	void refusesTextTheDatabaseCannotStore(String label, String body, String sentence) {
		Tenant tenant = newTenant();

		Reply reply = post(tenant.key(), "/api/v1/conversations", body);

		assertError(reply, 400, "invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

	@Test
	void refusesUndecodableParametersAndPathsInTheErrorShape() {
		Tenant tenant = newTenant();

		assertError(get(tenant.key(), "/api/v1/conversations?customerId=%ff"), 400, "invalid_request");
		assertError(get(tenant.key(), "/api/v1/conversations?customerId=%00"), 400, "invalid_request");
		assertError(get(tenant.key(), "/api/v1/conversations/%00"), 400, "invalid_request");
		assertError(get(tenant.key(), "/api/v1/conversations/a%2Fb"), 400, "invalid_request");
	}

	@Test
	void answersJsonWhateverTheAcceptHeaderAsks() {
		Tenant tenant = newTenant();

		Reply reply = exchange(this.port, tenant.key(), "GET", "/api/v1/conversations/nope", null,
				Map.of("Accept", "text/html"));

		assertError(reply, 404, "not_found");
	}

	@Test
	void answers401WithoutAKey() {
		assertUnauthorized(get(null, "/api/v1/conversations"));
	}

	@Test
	void answers401ForAnUnknownOrMalformedKey() {
		assertUnauthorized(get(ApiKeySecret.generate().value(), "/api/v1/conversations"));
		assertUnauthorized(get("woesk_short", "/api/v1/conversations"));
		assertUnauthorized(get("not a key at all", "/api/v1/conversations"));
	}

	@Test
	void answers401ForARevokedKey() {
		Tenant tenant = newTenant();
		this.keys.revoke(tenant.key().substring(0, 15));

		assertUnauthorized(get(tenant.key(), "/api/v1/conversations"));
	}

	@Test
	void answers401KeyExpiredForAnExpiredKey() {
		Tenant tenant = newTenant();
		ApiKeySecret secret = ApiKeySecret.generate();
		Instant past = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		this.apiKeys.add(new ApiKey(new ApiKeyId(tenant.workspace().id(), Uuids.v7()), secret.prefix(), "old", Set.of(),
				past, null, past.plus(1, ChronoUnit.DAYS), null), secret.hash());
		this.verifier.reload();

		Reply reply = get(secret.value(), "/api/v1/conversations");

		assertError(reply, 401, "key_expired");
	}

	@Test
	void answers403WhenTheKeyLacksTheRoutesScope() {
		Tenant reader = newTenant("conversations:read");
		Tenant writer = newTenant("conversations:write");
		Tenant issues = newTenant("issues:read", "issues:write");
		String readersConversation = openConversation(newTenantSharing(reader), "c", "x");

		Reply create = post(reader.key(), "/api/v1/conversations",
				"{\"subject\": \"x\", \"customer\": {\"id\": \"c\"}}");
		assertError(create, 403, "insufficient_scope");
		assertThat(create.json().path("error").asString()).contains("conversations:write");
		assertError(patch(reader.key(), "/api/v1/conversations/" + readersConversation, "{\"status\": \"solved\"}"),
				403, "insufficient_scope");
		assertError(
				post(reader.key(), "/api/v1/conversations/" + readersConversation + "/messages", "{\"body\": \"x\"}"),
				403, "insufficient_scope");
		assertError(get(writer.key(), "/api/v1/conversations"), 403, "insufficient_scope");
		assertError(get(issues.key(), "/api/v1/conversations/" + readersConversation), 403, "insufficient_scope");
		assertThat(get(reader.key(), "/api/v1/conversations/" + readersConversation).status()).isEqualTo(200);
	}

	@Test
	void answers404ForUnknownRoutesAndIds() {
		Tenant tenant = newTenant();

		assertError(get(tenant.key(), "/api/v1/nothing-here"), 404, "not_found");
		assertError(get(tenant.key(), "/api/v2/conversations"), 404, "not_found");
		assertError(get(null, "/no-such-page"), 404, "not_found");
		assertError(send(tenant.key(), "DELETE", "/api/v1/conversations", null), 404, "not_found");
		assertError(get(tenant.key(), "/api/v1/conversations/not-a-uuid"), 404, "not_found");
		assertError(get(tenant.key(), "/api/v1/conversations/0190f3a1-0000-7000-8000-000000000000"), 404, "not_found");
		assertError(get(tenant.key(), "/api/v1/conversations/not-a-uuid/messages"), 404, "not_found");
	}

	@Test
	void answers409ForADuplicateExternalId() {
		Tenant tenant = newTenant();
		String body = "{\"externalId\": \"ticket_9\", \"subject\": \"x\", \"customer\": {\"id\": \"c\"}}";
		assertThat(post(tenant.key(), "/api/v1/conversations", body).status()).isEqualTo(201);

		Reply duplicate = post(tenant.key(), "/api/v1/conversations", body);

		assertError(duplicate, 409, "conflict");
		assertThat(duplicate.json().path("error").asString()).contains("externalId");
		assertThat(get(tenant.key(), "/api/v1/conversations").json().path("conversations")).hasSize(1);
	}

	@Test
	void theSameExternalIdMayBeUsedInAnotherWorkspace() {
		String body = "{\"externalId\": \"ticket_1\", \"subject\": \"x\", \"customer\": {\"id\": \"c\"}}";

		assertThat(post(newTenant().key(), "/api/v1/conversations", body).status()).isEqualTo(201);
		assertThat(post(newTenant().key(), "/api/v1/conversations", body).status()).isEqualTo(201);
	}

	@Test
	void answers500WithoutStackTraceOrSql() {
		Reply reply = get(null, FailingRoute.PATH);

		assertError(reply, 500, "internal_error");
		assertThat(reply.body()).doesNotContain("SELECT", "api_keys", "Exception", "at dev.woes");
	}

	@Test
	void aClientThatHangsUpIsNotLoggedAsAServerFailure() {
		try (ConsoleCapture console = ConsoleCapture.start()) {
			get(null, FailingRoute.CLIENT_GONE);
			get(null, FailingRoute.PATH);

			assertThat(console.output()).containsOnlyOnce("Unexpected failure").doesNotContain("Broken pipe");
		}
	}

	private Tenant newTenantSharing(Tenant tenant) {
		return new Tenant(tenant.workspace(), keyFor(tenant.workspace()));
	}

	private static void assertUnauthorized(Reply reply) {
		assertError(reply, 401, "unauthorized");
		assertThat(reply.json().path("error").asString()).isEqualTo("A valid workspace API key is required.");
	}

	static void assertError(Reply reply, int status, String code) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).startsWith("application/json");
		assertThat(reply.fieldNames("")).containsExactly("code", "error");
		assertThat(reply.json().path("code").asString()).isEqualTo(code);
		assertThat(reply.json().path("error").asString()).isNotBlank();
	}

}

package dev.woes.operator;

import java.util.List;

import dev.woes.support.OperatorApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators over HTTP: create, read, change, list with filters and paging, delete, and
 * what the API refuses.
 */
class OperatorsIT extends OperatorApiTest {

	@Test
	void createsAnOperatorWithDefaultsAndReadsItBack() {
		Tenant tenant = newTenant();

		Reply created = post(tenant.key(), "/api/v1/operators",
				"{\"name\": \"Ada Lovelace\", \"email\": \"Ada@Example.com\"}");

		assertThat(created.status()).isEqualTo(201);
		JsonNode operator = created.json().path("operator");
		assertThat(created.fieldNames("/operator")).containsExactly("object", "id", "name", "email", "role", "status",
				"createdAt", "updatedAt");
		assertThat(operator.path("object").asString()).isEqualTo("operator");
		assertThat(operator.path("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(operator.path("email").asString()).isEqualTo("Ada@Example.com");
		assertThat(operator.path("role").asString()).isEqualTo("member");
		assertThat(operator.path("status").asString()).isEqualTo("active");
		assertThat(operator.path("createdAt").asString())
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		String id = operator.path("id").asString();
		assertThat(get(tenant.key(), "/api/v1/operators/" + id).json()).isEqualTo(created.json());
		assertThat(eventsOf(tenant)).singleElement().satisfies((event) -> {
			assertThat(event).containsEntry("type", "operator.created").containsEntry("actor_type", "api_key");
			assertThat(data(event).path("email").asString()).isEqualTo("Ada@Example.com");
		});
	}

	@Test
	void refusesAnEmailAnotherOperatorOfTheWorkspaceHasWhateverItsCase() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");

		Reply duplicate = post(tenant.key(), "/api/v1/operators",
				"{\"name\": \"Ada 2\", \"email\": \"ADA@example.com\"}");
		Reply renamed = patch(tenant.key(), "/api/v1/operators/" + grace, "{\"email\": \"ada@EXAMPLE.com\"}");

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().path("code").asString()).isEqualTo("conflict");
		assertThat(duplicate.json().path("error").asString()).contains("email");
		assertThat(renamed.status()).isEqualTo(409);
		assertThat(get(tenant.key(), "/api/v1/operators/" + grace).json().at("/operator/email").asString())
			.isEqualTo("grace@example.com");
		assertThat(post(newTenant().key(), "/api/v1/operators", "{\"name\": \"Ada\", \"email\": \"ada@example.com\"}")
			.status()).as("another workspace may use the same email").isEqualTo(201);
		assertThat(get(tenant.key(), "/api/v1/operators/" + ada).status()).isEqualTo(200);
	}

	@Test
	void refusesInvalidBodies() {
		Tenant tenant = newTenant();
		String id = createOperator(tenant, "Ada");
		String operators = "/api/v1/operators";

		assertInvalid(post(tenant.key(), operators, "{\"email\": \"a@example.com\"}"), "name is required");
		assertInvalid(post(tenant.key(), operators, "{\"name\": \"A\", \"email\": \"not-an-email\"}"),
				"email must be an email address");
		assertInvalid(
				post(tenant.key(), operators, "{\"name\": \"A\", \"email\": \"a@example.com\", \"role\": \"boss\"}"),
				"role must be one of owner, admin, member, viewer");
		assertInvalid(
				post(tenant.key(), operators,
						"{\"name\": \"A\", \"email\": \"a@example.com\", \"status\": \"asleep\"}"),
				"status must be one of active, away");
		assertInvalid(
				post(tenant.key(), operators, "{\"name\": \"" + "x".repeat(161) + "\", \"email\": \"a@example.com\"}"),
				"name must be 1-160 characters");
		assertInvalid(post(tenant.key(), operators, "{\"name\": \"A\", \"email\": \"a@example.com\", \"team\": 1}"),
				"Unknown field: team");
		assertInvalid(patch(tenant.key(), operators + "/" + id, "{}"), "at least one of name, email, role, status");
		assertInvalid(patch(tenant.key(), operators + "/" + id, "{\"name\": null}"), "name must not be null");
		assertInvalid(get(tenant.key(), operators + "?status=asleep"), "status must be one of active, away");
		assertInvalid(get(tenant.key(), operators + "?role=boss"), "role must be one of");
		assertInvalid(get(tenant.key(), operators + "?limit=101"), "limit must be an integer between 1 and 100");
		assertInvalid(get(tenant.key(), operators + "?startingAfter=" + java.util.UUID.randomUUID()),
				"startingAfter must be the id of an operator");
		assertThat(eventTypesOf(tenant)).containsExactly("operator.created");
	}

	@Test
	void changesOnlyWhatThePatchNamesAndRecordsTheChange() {
		Tenant tenant = newTenant();
		String id = createOperator(tenant, "Ada");
		String createdAt = get(tenant.key(), "/api/v1/operators/" + id).json().at("/operator/createdAt").asString();

		Reply changed = patch(tenant.key(), "/api/v1/operators/" + id, "{\"role\": \"admin\", \"status\": \"away\"}");
		Reply unchanged = patch(tenant.key(), "/api/v1/operators/" + id, "{\"role\": \"admin\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().at("/operator/role").asString()).isEqualTo("admin");
		assertThat(changed.json().at("/operator/status").asString()).isEqualTo("away");
		assertThat(changed.json().at("/operator/name").asString()).isEqualTo("Ada");
		assertThat(changed.json().at("/operator/createdAt").asString()).isEqualTo(createdAt);
		assertThat(unchanged.json()).isEqualTo(changed.json());
		assertThat(eventTypesOf(tenant)).containsExactly("operator.created", "operator.updated");
		assertThat(data(eventsOf(tenant).get(1)).at("/previous/role").asString()).isEqualTo("member");
	}

	@Test
	void listsOperatorsOldestFirstWithFiltersAndKeysetPaging() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		String alan = createOperator(tenant, "Alan");
		patch(tenant.key(), "/api/v1/operators/" + grace, "{\"status\": \"away\"}");
		patch(tenant.key(), "/api/v1/operators/" + alan, "{\"role\": \"admin\"}");
		createOperator(newTenant(), "Stranger");

		Reply first = get(tenant.key(), "/api/v1/operators?limit=2");
		assertThat(ids(first)).containsExactly(ada, grace);
		assertThat(first.json().path("hasMore").asBoolean()).isTrue();
		assertThat(first.header("Link")).contains("startingAfter=" + grace);
		Reply second = get(tenant.key(), "/api/v1/operators?limit=2&startingAfter=" + grace);
		assertThat(ids(second)).containsExactly(alan);
		assertThat(second.json().path("hasMore").asBoolean()).isFalse();
		assertThat(second.header("Link")).isNull();

		assertThat(ids(get(tenant.key(), "/api/v1/operators?status=away"))).containsExactly(grace);
		assertThat(ids(get(tenant.key(), "/api/v1/operators?status=active&role=admin"))).containsExactly(alan);
		assertThat(ids(get(tenant.key(), "/api/v1/operators?role=viewer"))).isEmpty();
	}

	@Test
	void deletingAnOperatorIsRefusedWhileAssignedAndKeepsWhatTheyWrote() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String team = createTeam(tenant, "Billing", ada);
		String conversation = openConversation(tenant, "cus_1", "Refund");
		post(tenant.key(), "/api/v1/conversations/" + conversation + "/replies",
				"{\"operatorId\": \"" + ada + "\", \"body\": \"On it\"}");
		send(tenant.key(), "PUT", "/api/v1/conversations/" + conversation + "/assignment",
				"{\"operatorId\": \"" + ada + "\"}");

		Reply refused = send(tenant.key(), "DELETE", "/api/v1/operators/" + ada, null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("error").asString()).contains("assigned");
		assertThat(get(tenant.key(), "/api/v1/operators/" + ada).status()).isEqualTo(200);

		send(tenant.key(), "DELETE", "/api/v1/conversations/" + conversation + "/assignment", null);
		Reply deleted = send(tenant.key(), "DELETE", "/api/v1/operators/" + ada, null);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/operators/" + ada).status()).isEqualTo(404);
		assertThat(send(tenant.key(), "DELETE", "/api/v1/operators/" + ada, null).status()).isEqualTo(404);
		assertThat(get(tenant.key(), "/api/v1/teams/" + team).json().at("/team/operatorIds")).isEmpty();
		JsonNode participants = get(tenant.key(), "/api/v1/conversations/" + conversation + "/participants").json()
			.path("participants");
		assertThat(participants.valueStream().map((p) -> p.path("id").asString()).toList()).contains(ada);
		assertThat(eventTypesOf(tenant)).endsWith("operator.deleted");
	}

	@Test
	void anOperatorDeletedCanNoLongerReplyEvenRightAfterReplying() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String reply = "{\"operatorId\": \"" + ada + "\", \"body\": \"On it\"}";
		for (int i = 0; i < 3; i++) {
			assertThat(post(tenant.key(), "/api/v1/conversations/" + conversation + "/replies", reply).status())
				.isEqualTo(201);
		}
		assertThat(send(tenant.key(), "DELETE", "/api/v1/operators/" + ada, null).status()).isEqualTo(204);

		Reply refused = post(tenant.key(), "/api/v1/conversations/" + conversation + "/replies", reply);

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.json().path("code").asString()).isEqualTo("not_found");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + conversation + "/messages").ids("messages"))
			.as("nothing was recorded")
			.hasSize(3);
		Tenant other = newTenant();
		String otherConversation = openConversation(other, "cus_1", "Elsewhere");
		String grace = createOperator(tenant, "Grace");
		assertThat(post(other.key(), "/api/v1/conversations/" + otherConversation + "/replies",
				"{\"operatorId\": \"" + grace + "\", \"body\": \"Hi\"}")
			.status()).as("an operator of another workspace").isEqualTo(404);
	}

	@Test
	void operatorsNeedTheOperatorScopes() {
		Tenant tenant = newTenant("operators:read");
		String conversationsOnly = keyFor(tenant.workspace(), "conversations:read", "conversations:write");

		assertThat(get(tenant.key(), "/api/v1/operators").status()).isEqualTo(200);
		Reply write = post(tenant.key(), "/api/v1/operators", "{\"name\": \"A\", \"email\": \"a@example.com\"}");
		assertThat(write.status()).isEqualTo(403);
		assertThat(write.json().path("code").asString()).isEqualTo("insufficient_scope");
		assertThat(get(conversationsOnly, "/api/v1/operators").status()).isEqualTo(403);
		assertThat(get(conversationsOnly, "/api/v1/teams").status()).isEqualTo(403);
		assertThat(post(keyFor(tenant.workspace(), "operators:write"), "/api/v1/operators",
				"{\"name\": \"A\", \"email\": \"a@example.com\"}")
			.status()).isEqualTo(201);
	}

	@Test
	void aPathIdThatIsNotAUuidNamesNoOperator() {
		Tenant tenant = newTenant();
		Reply reply = get(tenant.key(), "/api/v1/operators/not-a-uuid");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.json().path("code").asString()).isEqualTo("not_found");
	}

	private static List<String> ids(Reply list) {
		return list.json().path("operators").valueStream().map((node) -> node.path("id").asString()).toList();
	}

	private static void assertInvalid(Reply reply, String sentence) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

}

package dev.woes.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.woes.support.OperatorApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teams over HTTP: create with members, rename, member management (also under
 * concurrency), delete, and what the API refuses.
 */
class TeamsIT extends OperatorApiTest {

	@Test
	void createsATeamWithMembersAndReadsItBack() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");

		Reply created = post(tenant.key(), "/api/v1/teams",
				"{\"name\": \"Billing\", \"operatorIds\": [\"" + ada + "\", \"" + grace + "\", \"" + ada + "\"]}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.fieldNames("/team")).containsExactly("object", "id", "name", "operatorIds", "createdAt",
				"updatedAt");
		assertThat(created.json().at("/team/object").asString()).isEqualTo("team");
		assertThat(members(created)).containsExactly(ada, grace);
		String id = created.json().at("/team/id").asString();
		assertThat(get(tenant.key(), "/api/v1/teams/" + id).json()).isEqualTo(created.json());
		assertThat(eventTypesOf(tenant)).endsWith("team.created");
	}

	@Test
	void refusesADuplicateNameWhateverItsCaseAndUnknownMembers() {
		Tenant tenant = newTenant();
		createTeam(tenant, "Billing");
		String other = createTeam(tenant, "Sales");
		String stranger = createOperator(newTenant(), "Stranger");

		Reply duplicate = post(tenant.key(), "/api/v1/teams", "{\"name\": \"BILLING\"}");
		Reply rename = patch(tenant.key(), "/api/v1/teams/" + other, "{\"name\": \"billing\"}");
		Reply foreignMember = post(tenant.key(), "/api/v1/teams",
				"{\"name\": \"Support\", \"operatorIds\": [\"" + stranger + "\"]}");

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().path("error").asString()).contains("name");
		assertThat(rename.status()).isEqualTo(409);
		assertThat(foreignMember.status()).isEqualTo(404);
		assertThat(foreignMember.json().path("error").asString()).contains("operator");
		assertThat(post(tenant.key(), "/api/v1/teams", "{\"name\": \"Support\", \"operatorIds\": [\"nope\"]}").status())
			.isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/teams", "{\"name\": \"\"}").json().path("error").asString())
			.isEqualTo("name must be 1-80 characters.");
		assertThat(patch(tenant.key(), "/api/v1/teams/" + other, "{}").json().path("error").asString())
			.isEqualTo("name is required.");
		assertThat(eventTypesOf(tenant)).containsExactly("team.created", "team.created");
	}

	@Test
	void addsAndRemovesMembersAndRecordsEachChange() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String team = createTeam(tenant, "Billing");
		String path = "/api/v1/teams/" + team + "/members/" + ada;

		Reply added = send(tenant.key(), "PUT", path, null);
		Reply again = send(tenant.key(), "PUT", path, null);

		assertThat(added.status()).isEqualTo(200);
		assertThat(members(added)).containsExactly(ada);
		assertThat(members(again)).containsExactly(ada);

		Reply removed = send(tenant.key(), "DELETE", path, null);
		assertThat(removed.status()).isEqualTo(200);
		assertThat(members(removed)).isEmpty();
		Reply notAMember = send(tenant.key(), "DELETE", path, null);
		assertThat(notAMember.status()).isEqualTo(404);
		assertThat(notAMember.json().path("error").asString()).contains("not a member");
		assertThat(send(tenant.key(), "PUT", "/api/v1/teams/" + team + "/members/" + java.util.UUID.randomUUID(), null)
			.status()).isEqualTo(404);
		assertThat(eventTypesOf(tenant)).containsExactly("operator.created", "team.created", "team.updated",
				"team.updated");
		assertThat(data(eventsOf(tenant).get(2)).path("addedOperatorId").asString()).isEqualTo(ada);
		assertThat(data(eventsOf(tenant).get(3)).path("removedOperatorId").asString()).isEqualTo(ada);
	}

	@Test
	void concurrentAdditionsOfTheSameMemberLeaveOneMembershipAndOneEvent() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String team = createTeam(tenant, "Billing");
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			calls.add(() -> send(tenant.key(), "PUT", "/api/v1/teams/" + team + "/members/" + ada, null).status());
		}

		assertThat(atOnce(calls)).containsOnly(200);

		assertThat(members(get(tenant.key(), "/api/v1/teams/" + team))).containsExactly(ada);
		assertThat(eventTypesOf(tenant).stream().filter("team.updated"::equals)).hasSize(1);
	}

	@Test
	void concurrentAdditionsOfDifferentMembersAllLand() {
		Tenant tenant = newTenant();
		String team = createTeam(tenant, "Billing");
		List<String> operators = new ArrayList<>();
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String operator = createOperator(tenant, "Operator " + i);
			operators.add(operator);
			calls.add(() -> send(tenant.key(), "PUT", "/api/v1/teams/" + team + "/members/" + operator, null).status());
		}

		assertThat(atOnce(calls)).containsOnly(200);

		assertThat(members(get(tenant.key(), "/api/v1/teams/" + team))).containsExactlyInAnyOrderElementsOf(operators);
		assertThat(eventTypesOf(tenant).stream().filter("team.updated"::equals)).hasSize(10);
	}

	@Test
	void aTeamOrAMemberHoldingConversationsCannotGoAway() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String team = createTeam(tenant, "Billing", ada);
		String conversation = openConversation(tenant, "cus_1", "Refund");
		send(tenant.key(), "PUT", "/api/v1/conversations/" + conversation + "/assignment",
				"{\"operatorId\": \"" + ada + "\", \"teamId\": \"" + team + "\"}");

		Reply deleteTeam = send(tenant.key(), "DELETE", "/api/v1/teams/" + team, null);
		Reply removeMember = send(tenant.key(), "DELETE", "/api/v1/teams/" + team + "/members/" + ada, null);

		assertThat(deleteTeam.status()).isEqualTo(409);
		assertThat(deleteTeam.json().path("error").asString()).contains("assigned");
		assertThat(removeMember.status()).isEqualTo(409);
		assertThat(members(get(tenant.key(), "/api/v1/teams/" + team))).containsExactly(ada);

		send(tenant.key(), "PUT", "/api/v1/conversations/" + conversation + "/assignment",
				"{\"operatorId\": \"" + ada + "\"}");
		assertThat(send(tenant.key(), "DELETE", "/api/v1/teams/" + team, null).status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/teams/" + team).status()).isEqualTo(404);
		assertThat(eventTypesOf(tenant)).endsWith("team.deleted");
	}

	@Test
	void aMemberLeavingWhileBeingAssignedWithTheTeamNeverLeavesAnAssignmentOutsideTheTeam() {
		Tenant tenant = newTenant();
		for (int round = 0; round < 8; round++) {
			String ada = createOperator(tenant, "Ada " + round);
			String team = createTeam(tenant, "Billing " + round, ada);
			String conversation = openConversation(tenant, "cus_" + round, "Refund");
			List<Callable<Integer>> calls = List.of(
					() -> send(tenant.key(), "PUT", "/api/v1/conversations/" + conversation + "/assignment",
							"{\"operatorId\": \"" + ada + "\", \"teamId\": \"" + team + "\"}")
						.status(),
					() -> send(tenant.key(), "DELETE", "/api/v1/teams/" + team + "/members/" + ada, null).status());

			List<Integer> statuses = atOnce(calls);

			boolean assigned = statuses.get(0) == 200;
			assertThat(statuses).as("round %d", round).isIn(List.of(200, 409), List.of(400, 200));
			assertThat(members(get(tenant.key(), "/api/v1/teams/" + team))).as("round %d", round)
				.isEqualTo(assigned ? List.of(ada) : List.of());
			assertThat(get(tenant.key(), "/api/v1/conversations/" + conversation + "/assignment").json()
				.at("/assignment/operatorId")
				.isNull()).as("round %d", round).isEqualTo(!assigned);
		}
	}

	@Test
	void listsTeamsOldestFirstWithKeysetPaging() {
		Tenant tenant = newTenant();
		String first = createTeam(tenant, "A");
		String second = createTeam(tenant, "B");
		String third = createTeam(tenant, "C");

		Reply page = get(tenant.key(), "/api/v1/teams?limit=2");
		assertThat(ids(page)).containsExactly(first, second);
		assertThat(page.json().path("hasMore").asBoolean()).isTrue();
		assertThat(ids(get(tenant.key(), "/api/v1/teams?startingAfter=" + second))).containsExactly(third);
		assertThat(ids(get(newTenant().key(), "/api/v1/teams"))).isEmpty();
	}

	private static List<String> members(Reply team) {
		return team.json().at("/team/operatorIds").valueStream().map((node) -> node.asString()).toList();
	}

	private static List<String> ids(Reply list) {
		return list.json().path("teams").valueStream().map((node) -> node.path("id").asString()).toList();
	}

}

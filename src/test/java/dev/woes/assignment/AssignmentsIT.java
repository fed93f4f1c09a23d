package dev.woes.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.woes.support.OperatorApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assigning conversations to operators and teams over HTTP, the inbox filters that follow
 * assignment, and assignment under concurrency.
 */
class AssignmentsIT extends OperatorApiTest {

	@Test
	void anUnassignedConversationHasNoOwners() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");

		Reply reply = get(tenant.key(), assignment(conversation));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.fieldNames("/assignment")).containsExactly("object", "conversationId", "operatorId", "teamId",
				"assignedAt");
		assertThat(reply.json().at("/assignment/object").asString()).isEqualTo("assignment");
		assertThat(reply.json().at("/assignment/conversationId").asString()).isEqualTo(conversation);
		assertThat(reply.json().at("/assignment/operatorId").isNull()).isTrue();
		assertThat(reply.json().at("/assignment/teamId").isNull()).isTrue();
		assertThat(reply.json().at("/assignment/assignedAt").isNull()).isTrue();
	}

	@Test
	void assignsAnOperatorATeamOrBothAndUnassigns() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String team = createTeam(tenant, "Billing", ada);
		String conversation = openConversation(tenant, "cus_1", "Refund");

		Reply toAda = put(tenant, assignment(conversation), "{\"operatorId\": \"" + ada + "\"}");
		assertThat(toAda.status()).isEqualTo(200);
		assertThat(toAda.json().at("/assignment/operatorId").asString()).isEqualTo(ada);
		assertThat(toAda.json().at("/assignment/teamId").isNull()).isTrue();
		assertThat(toAda.json().at("/assignment/assignedAt").asString()).endsWith("Z");

		Reply toTeam = put(tenant, assignment(conversation), "{\"teamId\": \"" + team + "\", \"operatorId\": null}");
		assertThat(toTeam.json().at("/assignment/operatorId").isNull()).isTrue();
		assertThat(toTeam.json().at("/assignment/teamId").asString()).isEqualTo(team);

		Reply both = put(tenant, assignment(conversation),
				"{\"teamId\": \"" + team + "\", \"operatorId\": \"" + ada + "\"}");
		assertThat(both.json().at("/assignment/operatorId").asString()).isEqualTo(ada);
		assertThat(both.json().at("/assignment/teamId").asString()).isEqualTo(team);
		assertThat(get(tenant.key(), assignment(conversation)).json()).isEqualTo(both.json());
		Reply same = put(tenant, assignment(conversation),
				"{\"teamId\": \"" + team + "\", \"operatorId\": \"" + ada + "\"}");
		assertThat(same.json()).as("the same owners again change nothing").isEqualTo(both.json());

		Reply unassigned = send(tenant.key(), "DELETE", assignment(conversation), null);
		assertThat(unassigned.status()).isEqualTo(204);
		assertThat(get(tenant.key(), assignment(conversation)).json().at("/assignment/operatorId").isNull()).isTrue();
		assertThat(send(tenant.key(), "DELETE", assignment(conversation), null).status()).isEqualTo(204);

		List<Map<String, Object>> events = eventsOf(tenant).stream()
			.filter((event) -> event.get("type").equals("conversation.assignment.updated"))
			.toList();
		assertThat(events).hasSize(4);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event).containsEntry("actor_type", "api_key")
				.containsEntry("subject_id", UUID.fromString(conversation));
		});
		assertThat(data(events.get(2)).at("/assignment/operatorId").asString()).isEqualTo(ada);
		assertThat(data(events.get(2)).at("/previousAssignment/teamId").asString()).isEqualTo(team);
		assertThat(data(events.get(2)).path("customerId").asString()).isEqualTo("cus_1");
		assertThat(data(events.get(3)).at("/assignment/operatorId").isNull()).isTrue();
	}

	@Test
	void refusesAnOperatorWhoIsNotAMemberOfTheTeamAndMalformedBodies() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String team = createTeam(tenant, "Billing");
		String conversation = openConversation(tenant, "cus_1", "Refund");

		Reply notMember = put(tenant, assignment(conversation),
				"{\"operatorId\": \"" + ada + "\", \"teamId\": \"" + team + "\"}");

		assertThat(notMember.status()).isEqualTo(400);
		assertThat(notMember.json().path("error").asString())
			.startsWith("operatorId must name a member of the team teamId names");
		assertThat(put(tenant, assignment(conversation), "{}").json().path("error").asString())
			.startsWith("operatorId or teamId is required");
		assertThat(put(tenant, assignment(conversation), "{\"operatorId\": \"ada\"}").json().path("error").asString())
			.isEqualTo("operatorId must be a UUID.");
		assertThat(put(tenant, assignment(conversation), "{\"operatorId\": 5}").status()).isEqualTo(400);
		assertThat(put(tenant, assignment(conversation), "{\"owner\": \"x\"}").status()).isEqualTo(400);
		assertThat(get(tenant.key(), assignment(conversation)).json().at("/assignment/operatorId").isNull()).isTrue();
		assertThat(eventTypesOf(tenant)).doesNotContain("conversation.assignment.updated");
	}

	@Test
	void unknownOperatorsAndTeamsAndThoseOfAnotherWorkspaceAnswer404() {
		Tenant tenant = newTenant();
		Tenant other = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String foreignOperator = createOperator(other, "Stranger");
		String foreignTeam = createTeam(other, "Elsewhere");
		String missing = UUID.randomUUID().toString();

		Reply foreignOp = put(tenant, assignment(conversation), "{\"operatorId\": \"" + foreignOperator + "\"}");
		Reply missingOp = put(tenant, assignment(conversation), "{\"operatorId\": \"" + missing + "\"}");
		Reply foreignTm = put(tenant, assignment(conversation), "{\"teamId\": \"" + foreignTeam + "\"}");
		Reply missingTm = put(tenant, assignment(conversation), "{\"teamId\": \"" + missing + "\"}");

		assertThat(foreignOp.status()).isEqualTo(404);
		assertThat(foreignOp.body()).isEqualTo(missingOp.body());
		assertThat(foreignTm.status()).isEqualTo(404);
		assertThat(foreignTm.body()).isEqualTo(missingTm.body());
		assertThat(get(tenant.key(), assignment(conversation)).json().at("/assignment/assignedAt").isNull()).isTrue();
	}

	@Test
	void concurrentAssignmentsLeaveOneOfTheRequestedPairsNeverAMix() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");
		List<String[]> pairs = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String operator = createOperator(tenant, "Operator " + i);
			String team = createTeam(tenant, "Team " + i, operator);
			pairs.add(new String[] { operator, team });
		}
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int round = 0; round < 3; round++) {
			for (String[] pair : pairs) {
				calls.add(() -> put(tenant, assignment(conversation),
						"{\"operatorId\": \"" + pair[0] + "\", \"teamId\": \"" + pair[1] + "\"}")
					.status());
			}
		}

		assertThat(atOnce(calls)).containsOnly(200);

		Map<String, Object> stored = this.jdbc
			.sql("SELECT operator_id::text AS operator, team_id::text AS team FROM conversation_assignments"
					+ " WHERE workspace_id = :workspace AND conversation_id = CAST(:conversation AS uuid)")
			.param("workspace", tenant.workspace().id().value())
			.param("conversation", conversation)
			.query()
			.singleRow();
		assertThat(pairs).anySatisfy(
				(pair) -> assertThat(new String[] { (String) stored.get("operator"), (String) stored.get("team") })
					.containsExactly(pair));
		var answered = get(tenant.key(), assignment(conversation)).json().path("assignment");
		assertThat(answered.path("operatorId").asString()).isEqualTo(stored.get("operator"));
		assertThat(answered.path("teamId").asString()).isEqualTo(stored.get("team"));
		List<Map<String, Object>> events = eventsOf(tenant).stream()
			.filter((event) -> event.get("type").equals("conversation.assignment.updated"))
			.toList();
		assertThat(data(events.get(events.size() - 1)).at("/assignment/operatorId").asString())
			.as("the last event names the owner that stayed")
			.isEqualTo(stored.get("operator"));
		for (int i = 1; i < events.size(); i++) {
			assertThat(data(events.get(i)).path("previousAssignment")).as("each change starts from the one before it")
				.isEqualTo(data(events.get(i - 1)).path("assignment"));
		}
	}

	@Test
	void theInboxFiltersByAssigneeTeamAndWhetherAssigned() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		String billing = createTeam(tenant, "Billing", ada);
		String adaOnly = openConversation(tenant, "cus_1", "One");
		String adaBilling = openConversation(tenant, "cus_2", "Two");
		String billingOnly = openConversation(tenant, "cus_3", "Three");
		String grace1 = openConversation(tenant, "cus_4", "Four");
		String nobody = openConversation(tenant, "cus_5", "Five");
		String nobodySolved = openConversation(tenant, "cus_6", "Six");
		put(tenant, assignment(adaOnly), "{\"operatorId\": \"" + ada + "\"}");
		put(tenant, assignment(adaBilling), "{\"operatorId\": \"" + ada + "\", \"teamId\": \"" + billing + "\"}");
		put(tenant, assignment(billingOnly), "{\"teamId\": \"" + billing + "\"}");
		put(tenant, assignment(grace1), "{\"operatorId\": \"" + grace + "\"}");
		patch(tenant.key(), "/api/v1/conversations/" + adaOnly, "{\"status\": \"solved\"}");
		patch(tenant.key(), "/api/v1/conversations/" + nobodySolved, "{\"status\": \"solved\"}");

		assertThat(list(tenant, "assigneeId=" + ada)).containsExactlyInAnyOrder(adaOnly, adaBilling);
		assertThat(list(tenant, "teamId=" + billing)).containsExactlyInAnyOrder(adaBilling, billingOnly);
		assertThat(list(tenant, "assigneeId=" + ada + "&teamId=" + billing)).containsExactly(adaBilling);
		assertThat(list(tenant, "assigned=false")).containsExactlyInAnyOrder(nobody, nobodySolved);
		assertThat(list(tenant, "assigned=true")).containsExactlyInAnyOrder(adaOnly, adaBilling, billingOnly, grace1);
		assertThat(list(tenant, "assigned=false&status=open")).containsExactly(nobody);
		assertThat(list(tenant, "assigneeId=" + ada + "&status=solved")).containsExactly(adaOnly);
		assertThat(list(tenant, "assigneeId=" + UUID.randomUUID())).isEmpty();

		// With a tag, the tag's lookup also sets the plans of the rest of the request.
		post(tenant.key(), "/api/v1/conversations/" + adaBilling + "/tags", "{\"name\": \"vip\"}");
		post(tenant.key(), "/api/v1/conversations/" + grace1 + "/tags", "{\"name\": \"vip\"}");
		assertThat(list(tenant, "tag=vip&assigneeId=" + ada)).containsExactly(adaBilling);
		assertThat(list(tenant, "tag=VIP&assigneeId=" + grace)).containsExactly(grace1);
		assertThat(list(tenant, "tag=vip&teamId=" + billing)).containsExactly(adaBilling);
		assertThat(list(tenant, "tag=vip&assigned=false")).isEmpty();
		assertThat(list(tenant, "tag=unknown&assigneeId=" + ada)).isEmpty();

		Reply firstPage = get(tenant.key(), "/api/v1/conversations?assigned=true&limit=3");
		assertThat(firstPage.json().path("hasMore").asBoolean()).isTrue();
		String last = firstPage.json().path("conversations").get(2).path("id").asString();
		assertThat(firstPage.header("Link")).contains("assigned=true").contains("startingAfter=" + last);
		Reply secondPage = get(tenant.key(), "/api/v1/conversations?assigned=true&limit=3&startingAfter=" + last);
		assertThat(secondPage.json().path("conversations")).hasSize(1);
		assertThat(secondPage.json().path("hasMore").asBoolean()).isFalse();

		assertThat(get(tenant.key(), "/api/v1/conversations?assigned=yes").json().path("error").asString())
			.isEqualTo("assigned must be true or false.");
		assertThat(get(tenant.key(), "/api/v1/conversations?assigneeId=ada").json().path("error").asString())
			.isEqualTo("assigneeId must be a UUID.");
		assertThat(get(tenant.key(), "/api/v1/conversations?teamId=x").status()).isEqualTo(400);
	}

	@Test
	void assignmentFollowsTheConversationScopes() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String reader = keyFor(tenant.workspace(), "conversations:read");
		assertThat(get(reader, assignment(conversation)).status()).isEqualTo(200);
		assertThat(
				send(reader, "PUT", assignment(conversation), "{\"teamId\": \"" + UUID.randomUUID() + "\"}").status())
			.isEqualTo(403);
		assertThat(send(reader, "DELETE", assignment(conversation), null).status()).isEqualTo(403);
	}

	private Reply put(Tenant tenant, String path, String body) {
		return send(tenant.key(), "PUT", path, body);
	}

	private List<String> list(Tenant tenant, String query) {
		return get(tenant.key(), "/api/v1/conversations?" + query).json()
			.path("conversations")
			.valueStream()
			.map((node) -> node.path("id").asString())
			.toList();
	}

	private static String assignment(String conversation) {
		return "/api/v1/conversations/" + conversation + "/assignment";
	}

}

package dev.woes.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import dev.woes.support.OperatorApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handoffs between automation and people over HTTP: the handling state machine, its
 * refusals, the queue, the history, the events, and concurrent takeovers.
 */
class HandoffsIT extends OperatorApiTest {

	@Test
	void aRequestedHandoffIsTakenOverAndReleasedBackToAutomation() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String billing = createTeam(tenant, "Billing", ada);
		String conversation = openConversation(tenant, "cus_1", "Refund");
		assertThat(state(tenant, conversation)).isEqualTo("agent");

		Reply requested = post(tenant.key(), path(conversation, "handoffs"),
				"{\"reason\": \"Customer asks for a human\", \"requestedBy\": \"agent\", \"teamId\": \"" + billing
						+ "\"}");

		assertThat(requested.status()).isEqualTo(201);
		assertThat(requested.fieldNames("/handoff")).containsExactly("object", "id", "conversationId", "state",
				"reason", "requestedBy", "teamId", "requestedAt", "takenOverAt", "takenOverBy", "releasedAt");
		JsonNode handoff = requested.json().path("handoff");
		assertThat(handoff.path("object").asString()).isEqualTo("handoff");
		assertThat(handoff.path("state").asString()).isEqualTo("requested");
		assertThat(handoff.path("teamId").asString()).isEqualTo(billing);
		assertThat(handoff.path("takenOverAt").isNull()).isTrue();
		assertThat(state(tenant, conversation)).isEqualTo("handoff_requested");

		Reply takenOver = post(tenant.key(), path(conversation, "takeover"), "{\"operatorId\": \"" + ada + "\"}");

		assertThat(takenOver.status()).isEqualTo(200);
		assertThat(takenOver.json().at("/handoff/id").asString()).isEqualTo(handoff.path("id").asString());
		assertThat(takenOver.json().at("/handoff/state").asString()).isEqualTo("taken_over");
		assertThat(takenOver.json().at("/handoff/takenOverBy").asString()).isEqualTo(ada);
		Reply handling = get(tenant.key(), path(conversation, "handling"));
		assertThat(handling.fieldNames("/handling")).containsExactly("object", "conversationId", "state", "handoffId",
				"operatorId");
		assertThat(handling.json().at("/handling/state").asString()).isEqualTo("operator");
		assertThat(handling.json().at("/handling/operatorId").asString()).isEqualTo(ada);
		JsonNode assignment = get(tenant.key(), path(conversation, "assignment")).json().path("assignment");
		assertThat(assignment.path("operatorId").asString()).as("the operator who took over is assigned")
			.isEqualTo(ada);

		Reply released = post(tenant.key(), path(conversation, "release"), null);

		assertThat(released.status()).isEqualTo(200);
		assertThat(released.json().at("/handoff/state").asString()).isEqualTo("released");
		assertThat(released.json().at("/handoff/releasedAt").asString()).endsWith("Z");
		assertThat(state(tenant, conversation)).isEqualTo("agent");
		assertThat(get(tenant.key(), path(conversation, "assignment")).json().at("/assignment/operatorId").asString())
			.as("releasing keeps the assignment")
			.isEqualTo(ada);

		List<Map<String, Object>> events = eventsOf(tenant).stream()
			.filter((event) -> ((String) event.get("type")).startsWith("agent.")
					|| event.get("type").equals("conversation.assignment.updated"))
			.toList();
		assertThat(events).extracting((event) -> event.get("type"))
			.containsExactly("agent.handoff.created", "agent.handoff.taken_over", "conversation.assignment.updated",
					"agent.handoff.released");
		assertThat(events.get(0)).containsEntry("actor_type", "api_key");
		assertThat(events.get(1)).containsEntry("actor_type", "operator").containsEntry("actor_id", ada);
		assertThat(events.get(2)).containsEntry("actor_type", "operator").containsEntry("actor_id", ada);
		assertThat(events.get(3)).containsEntry("actor_type", "api_key");
		assertThat(data(events.get(0)).at("/handoff/reason").asString()).isEqualTo("Customer asks for a human");
		assertThat(data(events.get(0)).path("customerId").asString()).isEqualTo("cus_1");
	}

	@Test
	void illegalTransitionsAnswerConflictWithASentence() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String request = "{\"reason\": \"Stuck\", \"requestedBy\": \"customer\"}";

		Reply releaseAgent = post(tenant.key(), path(conversation, "release"), "{}");
		assertConflict(releaseAgent, "Automation already handles this conversation.");

		post(tenant.key(), path(conversation, "handoffs"), request);
		assertConflict(post(tenant.key(), path(conversation, "handoffs"), request),
				"A handoff is already requested for this conversation.");

		post(tenant.key(), path(conversation, "takeover"), "{\"operatorId\": \"" + ada + "\"}");
		assertConflict(post(tenant.key(), path(conversation, "takeover"), "{\"operatorId\": \"" + grace + "\"}"),
				"An operator already handles this conversation.");
		assertConflict(post(tenant.key(), path(conversation, "handoffs"), request),
				"An operator already handles this conversation.");

		String solved = openConversation(tenant, "cus_2", "Done");
		patch(tenant.key(), "/api/v1/conversations/" + solved, "{\"status\": \"solved\"}");
		assertConflict(post(tenant.key(), path(solved, "takeover"), "{\"operatorId\": \"" + ada + "\"}"),
				"The conversation is solved; reopen it before taking it over.");
		assertConflict(post(tenant.key(), path(solved, "handoffs"), request),
				"The conversation is solved; reopen it before requesting a handoff.");
		assertThat(state(tenant, solved)).isEqualTo("agent");
		assertThat(eventTypesOf(tenant).stream().filter((type) -> type.startsWith("agent.")))
			.containsExactly("agent.handoff.created", "agent.handoff.taken_over");
	}

	@Test
	void anOperatorCanTakeOverStraightFromAutomationAndKeepsAnExistingAssignee() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		String conversation = openConversation(tenant, "cus_1", "Refund");
		send(tenant.key(), "PUT", path(conversation, "assignment"), "{\"operatorId\": \"" + grace + "\"}");

		Reply takenOver = post(tenant.key(), path(conversation, "takeover"), "{\"operatorId\": \"" + ada + "\"}");

		assertThat(takenOver.status()).isEqualTo(200);
		assertThat(takenOver.json().at("/handoff/requestedBy").asString()).isEqualTo("operator");
		assertThat(takenOver.json().at("/handoff/state").asString()).isEqualTo("taken_over");
		assertThat(get(tenant.key(), path(conversation, "assignment")).json().at("/assignment/operatorId").asString())
			.isEqualTo(grace);
		assertThat(eventTypesOf(tenant)).endsWith("agent.handoff.taken_over");
	}

	@Test
	void refusesInvalidBodiesAndUnknownIds() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String foreignTeam = createTeam(newTenant(), "Elsewhere");
		String foreignOperator = createOperator(newTenant(), "Stranger");

		assertInvalid(post(tenant.key(), path(conversation, "handoffs"), "{\"requestedBy\": \"agent\"}"),
				"reason is required.");
		assertInvalid(
				post(tenant.key(), path(conversation, "handoffs"),
						"{\"reason\": \"" + "x".repeat(501) + "\", \"requestedBy\": \"agent\"}"),
				"reason must be 1-500 characters.");
		assertInvalid(
				post(tenant.key(), path(conversation, "handoffs"), "{\"reason\": \"x\", \"requestedBy\": \"bot\"}"),
				"requestedBy must be one of agent, customer, automation, operator.");
		assertInvalid(
				post(tenant.key(), path(conversation, "handoffs"),
						"{\"reason\": \"x\", \"requestedBy\": \"agent\", \"teamId\": \"billing\"}"),
				"teamId must be a UUID.");
		assertInvalid(post(tenant.key(), path(conversation, "takeover"), "{}"), "operatorId is required.");
		assertInvalid(get(tenant.key(), "/api/v1/handoffs?state=waiting"),
				"state must be one of requested, taken_over, released.");
		assertInvalid(get(tenant.key(), "/api/v1/handoffs?startingAfter=" + UUID.randomUUID()),
				"startingAfter must be the id of a handoff");

		Reply foreignTeamRequest = post(tenant.key(), path(conversation, "handoffs"),
				"{\"reason\": \"x\", \"requestedBy\": \"agent\", \"teamId\": \"" + foreignTeam + "\"}");
		assertThat(foreignTeamRequest.status()).isEqualTo(404);
		Reply foreignTakeover = post(tenant.key(), path(conversation, "takeover"),
				"{\"operatorId\": \"" + foreignOperator + "\"}");
		assertThat(foreignTakeover.status()).isEqualTo(404);
		assertThat(foreignTakeover.body()).isEqualTo(
				post(tenant.key(), path(conversation, "takeover"), "{\"operatorId\": \"" + UUID.randomUUID() + "\"}")
					.body());
		assertThat(state(tenant, conversation)).isEqualTo("agent");
		assertThat(eventTypesOf(tenant)).containsExactly("conversation.created");
	}

	@Test
	void concurrentTakeoversHaveExactlyOneWinner() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");
		post(tenant.key(), path(conversation, "handoffs"), "{\"reason\": \"Help\", \"requestedBy\": \"agent\"}");
		List<String> operators = new ArrayList<>();
		List<Callable<Reply>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String operator = createOperator(tenant, "Operator " + i);
			operators.add(operator);
			calls.add(
					() -> post(tenant.key(), path(conversation, "takeover"), "{\"operatorId\": \"" + operator + "\"}"));
		}

		List<Reply> replies = atOnce(calls);

		List<Reply> winners = replies.stream().filter((reply) -> reply.status() == 200).toList();
		assertThat(winners).hasSize(1);
		assertThat(replies).filteredOn((reply) -> reply.status() != 200)
			.allSatisfy((reply) -> assertThat(reply.status()).isEqualTo(409));
		String winner = winners.get(0).json().at("/handoff/takenOverBy").asString();
		assertThat(operators).contains(winner);
		assertThat(get(tenant.key(), path(conversation, "handling")).json().at("/handling/operatorId").asString())
			.isEqualTo(winner);
		assertThat(get(tenant.key(), path(conversation, "assignment")).json().at("/assignment/operatorId").asString())
			.isEqualTo(winner);
		assertThat(eventTypesOf(tenant).stream().filter("agent.handoff.taken_over"::equals)).hasSize(1);
		assertThat(eventTypesOf(tenant).stream().filter("conversation.assignment.updated"::equals)).hasSize(1);
	}

	@Test
	void concurrentRequestsOpenExactlyOneHandoff() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			calls.add(() -> post(tenant.key(), path(conversation, "handoffs"),
					"{\"reason\": \"Help\", \"requestedBy\": \"customer\"}")
				.status());
		}

		List<Integer> statuses = atOnce(calls);

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status != 201).containsOnly(409);
		assertThat(get(tenant.key(), path(conversation, "handoffs")).json().path("handoffs")).hasSize(1);
		assertThat(eventTypesOf(tenant).stream().filter("agent.handoff.created"::equals)).hasSize(1);
	}

	@Test
	void theQueueListsWaitingConversationsOldestFirstAndTheHistoryKeepsEveryHandoff() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String first = openConversation(tenant, "cus_1", "First");
		String second = openConversation(tenant, "cus_2", "Second");
		String third = openConversation(tenant, "cus_3", "Third");
		String request = "{\"reason\": \"Help\", \"requestedBy\": \"customer\"}";
		post(tenant.key(), path(second, "handoffs"), request);
		post(tenant.key(), path(first, "handoffs"), request);
		post(tenant.key(), path(third, "handoffs"), request);
		post(tenant.key(), path(first, "takeover"), "{\"operatorId\": \"" + ada + "\"}");
		post(tenant.key(), path(first, "release"), "{\"operatorId\": \"" + ada + "\"}");
		post(tenant.key(), path(first, "handoffs"), request);
		openConversation(newTenant(), "cus_9", "Elsewhere");

		Reply page = get(tenant.key(), "/api/v1/handoffs?state=requested&limit=2");
		assertThat(conversations(page)).containsExactly(second, third);
		assertThat(page.json().path("hasMore").asBoolean()).isTrue();
		String cursor = page.json().path("handoffs").get(1).path("id").asString();
		assertThat(page.header("Link")).contains("startingAfter=" + cursor);
		assertThat(conversations(get(tenant.key(), "/api/v1/handoffs?startingAfter=" + cursor))).containsExactly(first);
		assertThat(conversations(get(tenant.key(), "/api/v1/handoffs?state=released"))).containsExactly(first);
		assertThat(conversations(get(tenant.key(), "/api/v1/handoffs?state=taken_over"))).isEmpty();

		Reply history = get(tenant.key(), path(first, "handoffs"));
		assertThat(history.json().path("handoffs").valueStream().map((h) -> h.path("state").asString()).toList())
			.containsExactly("released", "requested");
		assertThat(history.json().path("handoffs").get(0).path("takenOverBy").asString()).isEqualTo(ada);
		String oldest = history.json().path("handoffs").get(0).path("id").asString();
		assertThat(
				get(tenant.key(), path(first, "handoffs") + "?limit=1&startingAfter=" + oldest).json().path("handoffs"))
			.hasSize(1);
		Map<String, Object> release = eventsOf(tenant).stream()
			.filter((event) -> event.get("type").equals("agent.handoff.released"))
			.findFirst()
			.orElseThrow();
		assertThat(release).containsEntry("actor_type", "operator").containsEntry("actor_id", ada);
	}

	private String state(Tenant tenant, String conversation) {
		return get(tenant.key(), path(conversation, "handling")).json().at("/handling/state").asString();
	}

	private static List<String> conversations(Reply list) {
		return list.json()
			.path("handoffs")
			.valueStream()
			.map((node) -> node.path("conversationId").asString())
			.toList();
	}

	private static String path(String conversation, String sub) {
		return "/api/v1/conversations/" + conversation + "/" + sub;
	}

	private static void assertConflict(Reply reply, String sentence) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(409);
		assertThat(reply.json().path("code").asString()).isEqualTo("conflict");
		assertThat(reply.json().path("error").asString()).isEqualTo(sentence);
	}

	private static void assertInvalid(Reply reply, String sentence) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

}

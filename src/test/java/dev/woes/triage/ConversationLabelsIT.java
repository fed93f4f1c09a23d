package dev.woes.triage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation's status label: it shows the lifecycle's default until set, setting it
 * moves the lifecycle, and it stays consistent whichever route changes the status.
 */
class ConversationLabelsIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aNewConversationShowsTheDefaultOpenLabel() {
		Tenant tenant = newTenant("conversations:read", "conversations:write");
		String id = openConversation(tenant, "cus_1", "Login loop");

		Reply reply = get(tenant.key(), "/api/v1/conversations/" + id + "/status");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.fieldNames("/conversationLabel")).containsExactly("object", "conversationId", "status",
				"label", "snoozedUntil");
		assertThat(reply.json().at("/conversationLabel/object").asString()).isEqualTo("conversation_label");
		assertThat(reply.json().at("/conversationLabel/status").asString()).isEqualTo("open");
		assertThat(reply.json().at("/conversationLabel/label/label").asString()).isEqualTo("Open");
		assertThat(reply.json().at("/conversationLabel/snoozedUntil").isNull()).isTrue();
	}

	@Test
	void settingALabelOfAnotherLifecycleMovesTheConversationAndRecordsBothChanges() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Login loop");
		String onTeam = statusId(tenant, "Waiting on team");

		Reply set = put(tenant, id, "{\"statusId\": \"" + onTeam + "\"}");

		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().at("/conversationLabel/status").asString()).isEqualTo("waiting");
		assertThat(set.json().at("/conversationLabel/label/id").asString()).isEqualTo(onTeam);
		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo("waiting");
		assertThat(label(tenant, id)).isEqualTo("Waiting on team");
		assertThat(eventTypes(tenant, id)).containsExactly("conversation.created", "conversation.status.updated",
				"conversation.label.updated");

		Reply again = put(tenant, id, "{\"statusId\": \"" + onTeam + "\"}");
		assertThat(again.status()).isEqualTo(200);
		assertThat(eventTypes(tenant, id)).as("setting the same label again changes nothing").hasSize(3);

		put(tenant, id, "{\"statusId\": \"" + statusId(tenant, "Solved") + "\"}");
		assertThat(conversation(tenant, id).path("closedAt").isNull()).isFalse();
	}

	@Test
	void aStatusChangeByAnotherRouteFallsBackToTheNewLifecyclesDefault() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Refund");
		put(tenant, id, "{\"statusId\": \"" + statusId(tenant, "Waiting on team") + "\"}");

		patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"solved\"}");
		assertThat(label(tenant, id)).isEqualTo("Solved");
		patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"waiting\"}");
		assertThat(label(tenant, id)).as("not the label it had before").isEqualTo("Waiting on customer");

		patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"solved\"}");
		postMessage(tenant, id, "still broken");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id + "/status").json()
			.at("/conversationLabel/status")
			.asString()).isEqualTo("open");
		assertThat(label(tenant, id)).isEqualTo("Open");
	}

	@Test
	void deletingTheShownStatusFallsBackToTheDefault() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Refund");
		String onTeam = statusId(tenant, "Waiting on team");
		put(tenant, id, "{\"statusId\": \"" + onTeam + "\"}");

		assertThat(send(tenant.key(), "DELETE", "/api/v1/statuses/" + onTeam, null).status()).isEqualTo(204);

		assertThat(label(tenant, id)).isEqualTo("Waiting on customer");
	}

	@Test
	void refusesUnknownDisabledAndForeignStatusesAndMalformedBodies() {
		Tenant tenant = newTenant();
		Tenant stranger = newTenant();
		String id = openConversation(tenant, "cus_1", "Refund");
		String onTeam = statusId(tenant, "Waiting on team");
		patch(tenant.key(), "/api/v1/statuses/" + onTeam, "{\"enabled\": false}");

		Reply disabled = put(tenant, id, "{\"statusId\": \"" + onTeam + "\"}");
		assertThat(disabled.status()).isEqualTo(400);
		assertThat(disabled.json().path("error").asString()).contains("disabled status Waiting on team");
		Reply unknown = put(tenant, id, "{\"statusId\": \"" + UUID.randomUUID() + "\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("code").asString()).isEqualTo("not_found");
		Reply foreign = put(tenant, id, "{\"statusId\": \"" + statusId(stranger, "Solved") + "\"}");
		assertThat(foreign.body()).isEqualTo(unknown.body());
		Reply malformed = put(tenant, id, "{\"statusId\": \"solved\"}");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("error").asString())
			.isEqualTo("statusId must be the id of a status of this workspace.");
		assertThat(put(tenant, id, "{}").status()).isEqualTo(400);
		assertThat(put(tenant, id, "{\"statusId\": null}").json().path("error").asString())
			.isEqualTo("statusId must not be null.");
		assertThat(put(tenant, id, "{\"status\": \"open\"}").status()).isEqualTo(400);

		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo("open");
		assertThat(eventTypes(tenant, id)).containsExactly("conversation.created");
	}

	@Test
	void snoozingWaitsUntilTheGivenTimeAndIsRecorded() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Renewal");
		String until = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

		Reply snoozed = put(tenant, id, "{\"snoozedUntil\": \"" + until + "\"}");

		assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
		assertThat(snoozed.json().at("/conversationLabel/status").asString()).isEqualTo("waiting");
		assertThat(snoozed.json().at("/conversationLabel/label/label").asString()).isEqualTo("Waiting on customer");
		assertThat(snoozed.json().at("/conversationLabel/snoozedUntil").asString())
			.isEqualTo(until.replace("Z", ".000Z"));
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id + "/status").json()
			.at("/conversationLabel/snoozedUntil")
			.asString()).isEqualTo(until.replace("Z", ".000Z"));
		assertThat(eventTypes(tenant, id)).containsExactly("conversation.created", "conversation.status.updated",
				"conversation.label.updated", "conversation.snoozed");

		put(tenant, id, "{\"snoozedUntil\": \"" + until + "\"}");
		assertThat(eventTypes(tenant, id)).as("the same snooze again changes nothing").hasSize(4);

		put(tenant, id, "{\"statusId\": \"" + statusId(tenant, "Waiting on team") + "\"}");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id + "/status").json()
			.at("/conversationLabel/snoozedUntil")
			.isNull()).as("a label set without snoozedUntil cancels the snooze").isTrue();
	}

	@Test
	void refusesSnoozesInThePastTooFarAheadOrOnAnotherLifecycle() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Renewal");

		Reply past = put(tenant, id, "{\"snoozedUntil\": \"2020-01-01T00:00:00.000Z\"}");
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.json().path("error").asString()).isEqualTo("snoozedUntil must be in the future.");
		Reply far = put(tenant, id,
				"{\"snoozedUntil\": \"" + Instant.now().plus(400, ChronoUnit.DAYS).toString() + "\"}");
		assertThat(far.json().path("error").asString()).isEqualTo("snoozedUntil must be at most 365 days ahead.");
		Reply open = put(tenant, id, "{\"statusId\": \"" + statusId(tenant, "Open") + "\", \"snoozedUntil\": \""
				+ Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
		assertThat(open.status()).isEqualTo(400);
		assertThat(open.json().path("error").asString()).startsWith("snoozedUntil needs a waiting status");
		assertThat(put(tenant, id, "{\"snoozedUntil\": \"tomorrow\"}").json().path("error").asString())
			.startsWith("snoozedUntil must be an ISO-8601 UTC timestamp");
		assertThat(put(tenant, id, "{\"snoozedUntil\": 1700000000}").status()).isEqualTo(400);

		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo("open");
	}

	@Test
	void aSnoozedConversationReopensByItselfWhenItsTimeComes() throws InterruptedException {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Trial ends");
		put(tenant, id, "{\"snoozedUntil\": \"" + Instant.now().plusMillis(1500) + "\"}");
		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo("waiting");

		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!conversation(tenant, id).path("status").asString().equals("open") && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}

		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo("open");
		Reply label = get(tenant.key(), "/api/v1/conversations/" + id + "/status");
		assertThat(label.json().at("/conversationLabel/snoozedUntil").isNull()).isTrue();
		assertThat(label.json().at("/conversationLabel/label/label").asString()).isEqualTo("Open");
		List<Map<String, Object>> wakeUps = this.jdbc.sql("""
				SELECT actor_type, data ->> 'previousStatus' AS previous FROM events
				WHERE workspace_id = :w AND subject_id = :id AND type = 'conversation.status.updated'
				ORDER BY seq
				""").param("w", tenant.workspace().id().value()).param("id", UUID.fromString(id)).query().listOfRows();
		assertThat(wakeUps).hasSize(2);
		assertThat(wakeUps.get(1)).containsEntry("actor_type", "system").containsEntry("previous", "waiting");
	}

	@Test
	void aCustomerMessageWakesASnoozedConversationAndAnAssistantMessageDoesNot() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Renewal");
		put(tenant, id, "{\"snoozedUntil\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");

		post(tenant.key(), "/api/v1/conversations/" + id + "/messages",
				"{\"body\": \"noted\", \"role\": \"assistant\"}");
		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo("waiting");

		postMessage(tenant, id, "Any news?");

		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo("open");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id + "/status").json()
			.at("/conversationLabel/snoozedUntil")
			.isNull()).isTrue();
		List<String> types = eventTypes(tenant, id);
		assertThat(types.subList(types.size() - 2, types.size()))
			.containsExactlyInAnyOrder("conversation.message.created", "conversation.status.updated");
	}

	@Test
	void concurrentLabelChangesApplyOneAfterAnotherAndTheLastOneShows() throws Exception {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Busy");
		List<String> labels = List.of(statusId(tenant, "Open"), statusId(tenant, "Waiting on customer"),
				statusId(tenant, "Waiting on team"), statusId(tenant, "Solved"));
		int writers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Reply>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
			for (int i = 0; i < writers; i++) {
				String statusId = labels.get(i % labels.size());
				futures.add(pool.submit(() -> {
					start.await();
					return put(tenant, id, "{\"statusId\": \"" + statusId + "\"}");
				}));
			}
			start.countDown();
			for (Future<Reply> future : futures) {
				assertThat(future.get().status()).isEqualTo(200);
			}
		}

		List<Map<String, Object>> changes = this.jdbc.sql("""
				SELECT data ->> 'statusId' AS status, data ->> 'previousStatusId' AS previous FROM events
				WHERE workspace_id = :w AND subject_id = :id AND type = 'conversation.label.updated' ORDER BY seq
				""").param("w", tenant.workspace().id().value()).param("id", UUID.fromString(id)).query().listOfRows();
		assertThat(changes).isNotEmpty();
		for (int i = 1; i < changes.size(); i++) {
			assertThat(changes.get(i).get("previous")).as("each change starts where the previous one ended")
				.isEqualTo(changes.get(i - 1).get("status"));
		}
		String last = (String) changes.get(changes.size() - 1).get("status");
		JsonNode shown = get(tenant.key(), "/api/v1/conversations/" + id + "/status").json().path("conversationLabel");
		assertThat(shown.at("/label/id").asString()).isEqualTo(last);
		assertThat(shown.path("status").asString()).isEqualTo(shown.at("/label/lifecycle").asString());
		assertThat(conversation(tenant, id).path("status").asString()).isEqualTo(shown.path("status").asString());
	}

	private Reply put(Tenant tenant, String conversationId, String body) {
		return send(tenant.key(), "PUT", "/api/v1/conversations/" + conversationId + "/status", body);
	}

	private JsonNode conversation(Tenant tenant, String id) {
		return get(tenant.key(), "/api/v1/conversations/" + id).json().path("conversation");
	}

	private String label(Tenant tenant, String id) {
		return get(tenant.key(), "/api/v1/conversations/" + id + "/status").json()
			.at("/conversationLabel/label/label")
			.asString();
	}

	private String statusId(Tenant tenant, String label) {
		return get(tenant.key(), "/api/v1/statuses").json()
			.path("statuses")
			.valueStream()
			.filter((status) -> status.path("label").asString().equals(label))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

	private List<String> eventTypes(Tenant tenant, String id) {
		return this.jdbc.sql("SELECT type FROM events WHERE workspace_id = :w AND subject_id = :id ORDER BY seq")
			.param("w", tenant.workspace().id().value())
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list();
	}

}

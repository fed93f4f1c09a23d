package dev.woes.event;

import java.util.List;
import java.util.Map;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every change the API makes leaves exactly one event, written with the change; a change
 * that fails leaves none.
 */
class EventLogIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private EventLog events;

	@Autowired
	private EventFeed feed;

	@Test
	void creatingAConversationRecordsOneEventWithTheFlattenedConversation() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/conversations", """
				{"subject": "Export fails", "customer": {"id": "cus_9", "name": "Ada", "email": "ada@example.com",
				 "company": "Acme"}}""");
		String id = created.json().at("/conversation/id").asString();

		List<Map<String, Object>> rows = eventsOf(tenant);
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("type", "conversation.created")
			.containsEntry("actor_type", "api_key")
			.containsEntry("subject_id", java.util.UUID.fromString(id));
		var data = JSON.readTree((String) rows.get(0).get("data"));
		assertThat(data.path("id").asString()).isEqualTo(id);
		assertThat(data.path("customerId").asString()).isEqualTo("cus_9");
		assertThat(data.path("customerName").asString()).isEqualTo("Ada");
		assertThat(data.path("customerEmail").asString()).isEqualTo("ada@example.com");
		assertThat(data.path("customerCompany").asString()).isEqualTo("Acme");
		assertThat(data.path("createdAt").asString())
			.isEqualTo(created.json().at("/conversation/createdAt").asString());
	}

	@Test
	void aRejectedChangeRecordsNothing() {
		Tenant tenant = newTenant();
		String body = "{\"subject\": \"Twice\", \"externalId\": \"ext-1\", \"customer\": {\"id\": \"c\"}}";
		assertThat(post(tenant.key(), "/api/v1/conversations", body).status()).isEqualTo(201);
		assertThat(post(tenant.key(), "/api/v1/conversations", body).status()).isEqualTo(409);
		assertThat(post(tenant.key(), "/api/v1/conversations/0190f3a1-0000-7000-8000-000000000000/messages",
				"{\"body\": \"lost\"}")
			.status()).isEqualTo(404);

		assertThat(eventsOf(tenant)).extracting((row) -> row.get("type")).containsExactly("conversation.created");
	}

	@Test
	void aCustomerMessageOnASolvedConversationReopensItAndBothChangesAreRecorded() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Refund");
		patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"solved\"}");
		post(tenant.key(), "/api/v1/conversations/" + id + "/messages",
				"{\"body\": \"thanks\", \"role\": \"assistant\"}");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id).json().at("/conversation/status").asString())
			.as("an assistant message leaves a solved conversation solved")
			.isEqualTo("solved");

		Reply message = post(tenant.key(), "/api/v1/conversations/" + id + "/messages",
				"{\"body\": \"It broke again\"}");

		var conversation = get(tenant.key(), "/api/v1/conversations/" + id).json().path("conversation");
		assertThat(conversation.path("status").asString()).isEqualTo("open");
		assertThat(conversation.path("closedAt").isNull()).isTrue();
		assertThat(eventsOf(tenant)).extracting((row) -> row.get("type"))
			.containsExactly("conversation.created", "conversation.status.updated", "conversation.message.created",
					"conversation.status.updated", "conversation.message.created");
		var last = JSON.readTree((String) eventsOf(tenant).get(4).get("data"));
		assertThat(last.at("/message/id").asString()).isEqualTo(message.json().at("/message/id").asString());
		assertThat(last.at("/message/body").asString()).isEqualTo("It broke again");
		assertThat(last.at("/message/role").asString()).isEqualTo("user");
		assertThat(last.path("status").asString()).isEqualTo("open");
		var reopened = JSON.readTree((String) eventsOf(tenant).get(3).get("data"));
		assertThat(reopened.path("previousStatus").asString()).isEqualTo("solved");
	}

	@Test
	void anEventCannotBeWrittenOutsideATransaction() {
		Tenant tenant = newTenant();
		assertThatExceptionOfType(IllegalTransactionStateException.class).isThrownBy(() -> this.events
			.record(tenant.workspace().id(), EventType.WEBHOOK_TEST, Actor.SYSTEM, null, Map.of()));
	}

	@Test
	void theFeedReadsAWorkspacesEventsOldestFirstFromACursorAndByType() {
		Tenant tenant = newTenant();
		Tenant other = newTenant();
		String id = openConversation(tenant, "cus_1", "First");
		postMessage(tenant, id, "one");
		postMessage(tenant, id, "two");
		openConversation(other, "cus_2", "Elsewhere");

		List<StoredEvent> all = this.feed.after(tenant.workspace().id(), EventCursor.START, List.of(), 100);
		assertThat(all).extracting(StoredEvent::type)
			.containsExactly("conversation.created", "conversation.message.created", "conversation.message.created");
		assertThat(all).extracting(StoredEvent::subjectId).containsOnly(java.util.UUID.fromString(id));

		EventCursor afterFirst = this.feed.cursorOf(tenant.workspace().id(), all.get(0).id()).orElseThrow();
		assertThat(this.feed.after(tenant.workspace().id(), afterFirst, List.of(), 1)).extracting(StoredEvent::id)
			.containsExactly(all.get(1).id());
		assertThat(this.feed.after(tenant.workspace().id(), EventCursor.START, List.of("conversation.created"), 100))
			.extracting(StoredEvent::id)
			.containsExactly(all.get(0).id());
		assertThat(this.feed.cursorOf(other.workspace().id(), all.get(0).id())).isEmpty();
	}

}

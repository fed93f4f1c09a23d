package dev.woes.participant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.support.OperatorApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator replies and the participants of a conversation over HTTP.
 */
class ParticipantsIT extends OperatorApiTest {

	@Test
	void anOperatorReplyIsAnAssistantMessageThatMovesTheConversationAndNamesItsAuthor() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String before = get(tenant.key(), "/api/v1/conversations/" + conversation).json()
			.at("/conversation/lastMessageAt")
			.asString();

		Reply reply = post(tenant.key(), replies(conversation),
				"{\"operatorId\": \"" + ada + "\", \"body\": \"Refund  sent\"}");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.fieldNames("/message")).containsExactly("object", "id", "conversationId", "role", "body",
				"deliveryStatus", "createdAt");
		JsonNode message = reply.json().path("message");
		assertThat(message.path("role").asString()).isEqualTo("assistant");
		assertThat(message.path("body").asString()).isEqualTo("Refund  sent");
		assertThat(message.path("deliveryStatus").asString()).isEqualTo("delivered");
		JsonNode conv = get(tenant.key(), "/api/v1/conversations/" + conversation).json().path("conversation");
		assertThat(conv.path("preview").asString()).isEqualTo("Refund sent");
		assertThat(conv.path("lastMessageAt").asString()).isEqualTo(message.path("createdAt").asString())
			.isGreaterThanOrEqualTo(before);
		assertThat(get(tenant.key(), "/api/v1/conversations/" + conversation + "/messages").json()
			.path("messages")
			.get(0)
			.path("id")
			.asString()).isEqualTo(message.path("id").asString());
		Map<String, Object> author = this.jdbc
			.sql("SELECT author_type, author_id FROM messages WHERE workspace_id = :workspace"
					+ " AND message_id = CAST(:id AS uuid)")
			.param("workspace", tenant.workspace().id().value())
			.param("id", message.path("id").asString())
			.query()
			.singleRow();
		assertThat(author).containsEntry("author_type", "operator").containsEntry("author_id", ada);
		Map<String, Object> event = eventsOf(tenant).get(eventsOf(tenant).size() - 1);
		assertThat(event).containsEntry("type", "conversation.message.created")
			.containsEntry("actor_type", "operator")
			.containsEntry("actor_id", ada);
		assertThat(data(event).at("/message/id").asString()).isEqualTo(message.path("id").asString());
	}

	@Test
	void aReplyLeavesASolvedConversationSolvedAndDoesNotAssign() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String conversation = openConversation(tenant, "cus_1", "Refund");
		patch(tenant.key(), "/api/v1/conversations/" + conversation, "{\"status\": \"solved\"}");

		Reply reply = post(tenant.key(), replies(conversation),
				"{\"operatorId\": \"" + ada + "\", \"body\": \"Done\"}");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(
				get(tenant.key(), "/api/v1/conversations/" + conversation).json().at("/conversation/status").asString())
			.isEqualTo("solved");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + conversation + "/assignment").json()
			.at("/assignment/operatorId")
			.isNull()).isTrue();
	}

	@Test
	void refusesInvalidRepliesAndUnknownOperators() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String foreign = createOperator(newTenant(), "Stranger");

		assertInvalid(post(tenant.key(), replies(conversation), "{\"body\": \"x\"}"), "operatorId is required.");
		assertInvalid(post(tenant.key(), replies(conversation), "{\"operatorId\": \"" + ada + "\"}"),
				"body is required.");
		assertInvalid(
				post(tenant.key(), replies(conversation),
						"{\"operatorId\": \"" + ada + "\", \"body\": \"" + "x".repeat(8001) + "\"}"),
				"body must be 1-8000 characters.");
		assertInvalid(post(tenant.key(), replies(conversation), "{\"operatorId\": \"ada\", \"body\": \"x\"}"),
				"operatorId must be a UUID.");
		assertInvalid(
				post(tenant.key(), replies(conversation),
						"{\"operatorId\": \"" + ada + "\", \"body\": \"x\", \"role\": \"user\"}"),
				"Unknown field: role.");
		Reply foreignReply = post(tenant.key(), replies(conversation),
				"{\"operatorId\": \"" + foreign + "\", \"body\": \"x\"}");
		assertThat(foreignReply.status()).isEqualTo(404);
		assertThat(foreignReply.body()).isEqualTo(post(tenant.key(), replies(conversation),
				"{\"operatorId\": \"" + UUID.randomUUID() + "\", \"body\": \"x\"}")
			.body());
		assertThat(get(tenant.key(), "/api/v1/conversations/" + conversation + "/messages").json().path("messages"))
			.isEmpty();
		assertThat(eventTypesOf(tenant)).containsExactly("operator.created", "conversation.created");
	}

	@Test
	void participantsAreTheCustomerTheWritersAndTheFollowers() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String created = get(tenant.key(), "/api/v1/conversations/" + conversation).json()
			.at("/conversation/createdAt")
			.asString();
		postMessage(tenant, conversation, "Hello");
		post(tenant.key(), "/api/v1/conversations/" + conversation + "/messages",
				"{\"body\": \"Let me check\", \"role\": \"assistant\"}");
		Reply first = post(tenant.key(), replies(conversation), "{\"operatorId\": \"" + ada + "\", \"body\": \"One\"}");
		Reply last = post(tenant.key(), replies(conversation), "{\"operatorId\": \"" + ada + "\", \"body\": \"Two\"}");
		Reply followed = post(tenant.key(), participants(conversation), "{\"operatorId\": \"" + grace + "\"}");
		Reply again = post(tenant.key(), participants(conversation), "{\"operatorId\": \"" + grace + "\"}");

		assertThat(followed.status()).isEqualTo(201);
		assertThat(followed.fieldNames("/participant")).containsExactly("object", "type", "id", "follower", "joinedAt",
				"lastActiveAt");
		assertThat(followed.json().at("/participant/follower").asBoolean()).isTrue();
		assertThat(followed.json().at("/participant/lastActiveAt").isNull()).isTrue();
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(followed.json());

		Reply list = get(tenant.key(), participants(conversation));
		assertThat(list.json().path("object").asString()).isEqualTo("list");
		assertThat(list.json().path("hasMore").asBoolean()).isFalse();
		List<JsonNode> all = list.json().path("participants").valueStream().toList();
		assertThat(all).extracting((p) -> p.path("type").asString() + ":" + p.path("id").asString())
			.containsExactly("customer:cus_1", "automation:", "operator:" + ada, "operator:" + grace);
		assertThat(all.get(0).path("joinedAt").asString()).isEqualTo(created);
		assertThat(all.get(0).path("lastActiveAt").asString()).endsWith("Z");
		assertThat(all.get(1).path("id").isNull()).isTrue();
		assertThat(all.get(2).path("joinedAt").asString()).isEqualTo(first.json().at("/message/createdAt").asString());
		assertThat(all.get(2).path("lastActiveAt").asString())
			.isEqualTo(last.json().at("/message/createdAt").asString());
		assertThat(all.get(2).path("follower").asBoolean()).isFalse();
		assertThat(all.get(3).path("follower").asBoolean()).isTrue();
		assertThat(all).allSatisfy((p) -> assertThat(p.path("object").asString()).isEqualTo("participant"));

		assertThat(send(tenant.key(), "DELETE", participants(conversation) + "/" + grace, null).status())
			.isEqualTo(204);
		Reply notFollowing = send(tenant.key(), "DELETE", participants(conversation) + "/" + grace, null);
		assertThat(notFollowing.status()).isEqualTo(404);
		assertThat(notFollowing.json().path("error").asString())
			.isEqualTo("The operator does not follow this conversation.");
		assertThat(get(tenant.key(), participants(conversation)).json().path("participants")).hasSize(3);

		List<Map<String, Object>> events = eventsOf(tenant).stream()
			.filter((event) -> ((String) event.get("type")).startsWith("conversation.participant."))
			.toList();
		assertThat(events).extracting((event) -> event.get("type"))
			.containsExactly("conversation.participant.added", "conversation.participant.removed");
		assertThat(events)
			.allSatisfy((event) -> assertThat(data(event).at("/participant/id").asString()).isEqualTo(grace));
		assertThat(events.get(0)).containsEntry("actor_type", "api_key");
	}

	@Test
	void refusesInvalidFollowers() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Refund");
		String foreign = createOperator(newTenant(), "Stranger");

		assertInvalid(post(tenant.key(), participants(conversation), "{}"), "operatorId is required.");
		assertInvalid(post(tenant.key(), participants(conversation), "{\"operatorId\": \"x\"}"),
				"operatorId must be a UUID.");
		assertThat(post(tenant.key(), participants(conversation), "{\"operatorId\": \"" + foreign + "\"}").status())
			.isEqualTo(404);
		assertThat(get(tenant.key(), participants(conversation)).json().path("participants")).hasSize(1);
	}

	private static String replies(String conversation) {
		return "/api/v1/conversations/" + conversation + "/replies";
	}

	private static String participants(String conversation) {
		return "/api/v1/conversations/" + conversation + "/participants";
	}

	private static void assertInvalid(Reply reply, String sentence) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_request");
		assertThat(reply.json().path("error").asString()).contains(sentence);
	}

}

package dev.woes.conversation;

import java.util.List;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Conversations API as the contract describes it, example by example.
 */
class ConversationsIT extends ApiTest {

	private static final String CONTRACT_EXAMPLE = """
			{"externalId": "ticket_123", "subject": "Need help with auth",
			 "customer": {"id": "cus_123", "name": "Ada Lovelace", "email": "ada@example.com", "company": "Example API Co"}}
			""";

	@Test
	void createsTheContractsExampleConversationWithEveryDocumentedField() {
		Tenant tenant = newTenant();

		Reply reply = post(tenant.key(), "/api/v1/conversations", CONTRACT_EXAMPLE);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.fieldNames("")).containsExactly("conversation");
		JsonNode conversation = reply.json().path("conversation");
		assertThat(reply.fieldNames("/conversation")).containsExactly("object", "id", "channel", "status", "priority",
				"subject", "preview", "customer", "createdAt", "updatedAt", "lastMessageAt", "closedAt");
		assertThat(conversation.path("object").asString()).isEqualTo("conversation");
		assertThat(conversation.path("id").asString())
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(conversation.path("channel").asString()).isEqualTo("api");
		assertThat(conversation.path("status").asString()).isEqualTo("open");
		assertThat(conversation.path("priority").asString()).isEqualTo("medium");
		assertThat(conversation.path("subject").asString()).isEqualTo("Need help with auth");
		assertThat(conversation.path("preview").asString()).isEqualTo("Need help with auth");
		assertThat(reply.fieldNames("/conversation/customer")).containsExactly("id", "name", "email", "company",
				"identitySource");
		assertThat(conversation.at("/customer/id").asString()).isEqualTo("cus_123");
		assertThat(conversation.at("/customer/name").asString()).isEqualTo("Ada Lovelace");
		assertThat(conversation.at("/customer/email").asString()).isEqualTo("ada@example.com");
		assertThat(conversation.at("/customer/company").asString()).isEqualTo("Example API Co");
		assertThat(conversation.at("/customer/identitySource").asString()).isEqualTo("headers");
		String createdAt = conversation.path("createdAt").asString();
		assertThat(createdAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
		assertThat(conversation.path("updatedAt").asString()).isEqualTo(createdAt);
		assertThat(conversation.path("lastMessageAt").asString()).isEqualTo(createdAt);
		assertThat(conversation.path("closedAt").isNull()).isTrue();
	}

	@Test
	void readsBackExactlyWhatCreationReturned() {
		Tenant tenant = newTenant();
		JsonNode created = post(tenant.key(), "/api/v1/conversations", CONTRACT_EXAMPLE).json().path("conversation");

		Reply read = get(tenant.key(), "/api/v1/conversations/" + created.path("id").asString());

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("conversation")).isEqualTo(created);
	}

	@Test
	void appliesTheDocumentedDefaultsAndOptionalFields() {
		Tenant tenant = newTenant();

		JsonNode conversation = post(tenant.key(), "/api/v1/conversations", """
				{"subject": "Webhook retries", "channel": "discord", "priority": "urgent", "customer": {"id": "u-9"}}
				""").json().path("conversation");

		assertThat(conversation.path("channel").asString()).isEqualTo("discord");
		assertThat(conversation.path("priority").asString()).isEqualTo("urgent");
		assertThat(conversation.at("/customer/email").isNull()).isTrue();
		assertThat(conversation.at("/customer/name").asString()).isEmpty();
		assertThat(conversation.at("/customer/company").asString()).isEmpty();
	}

	@Test
	void solvingSetsClosedAtAndLeavingSolvedClearsIt() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Broken invoice");
		String path = "/api/v1/conversations/" + id;

		JsonNode solved = patch(tenant.key(), path, "{\"status\": \"solved\"}").json().path("conversation");
		assertThat(solved.path("status").asString()).isEqualTo("solved");
		assertThat(solved.path("closedAt").asString()).isEqualTo(solved.path("updatedAt").asString());

		JsonNode solvedAgain = patch(tenant.key(), path, "{\"status\": \"solved\"}").json().path("conversation");
		assertThat(solvedAgain.path("closedAt")).isEqualTo(solved.path("closedAt"));

		JsonNode waiting = patch(tenant.key(), path, "{\"status\": \"waiting\"}").json().path("conversation");
		assertThat(waiting.path("status").asString()).isEqualTo("waiting");
		assertThat(waiting.path("closedAt").isNull()).isTrue();
		assertThat(get(tenant.key(), path).json().at("/conversation/closedAt").isNull()).isTrue();
	}

	@Test
	void patchChangesOnlyTheFieldsItCarries() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Old subject");

		Reply reply = patch(tenant.key(), "/api/v1/conversations/" + id, """
				{"priority": "low", "subject": "OAuth auth issue resolved"}
				""");

		assertThat(reply.status()).isEqualTo(200);
		JsonNode conversation = reply.json().path("conversation");
		assertThat(conversation.path("priority").asString()).isEqualTo("low");
		assertThat(conversation.path("subject").asString()).isEqualTo("OAuth auth issue resolved");
		assertThat(conversation.path("status").asString()).isEqualTo("open");
		assertThat(conversation.path("preview").asString()).isEqualTo("OAuth auth issue resolved");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + id).json().path("conversation"))
			.isEqualTo(conversation);
	}

	@Test
	void listsTheContractExampleWithTheListShape() {
		Tenant tenant = newTenant();
		post(tenant.key(), "/api/v1/conversations", CONTRACT_EXAMPLE);

		Reply reply = get(tenant.key(), "/api/v1/conversations?status=open");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.fieldNames("")).containsExactly("object", "hasMore", "conversations");
		assertThat(reply.json().path("object").asString()).isEqualTo("list");
		assertThat(reply.json().path("hasMore").asBoolean()).isFalse();
		assertThat(reply.json().path("conversations")).hasSize(1);
		assertThat(reply.header("Link")).isNull();
	}

	@Test
	void listsMostRecentActivityFirst() {
		Tenant tenant = newTenant();
		String first = openConversation(tenant, "cus_1", "First");
		String second = openConversation(tenant, "cus_2", "Second");
		String third = openConversation(tenant, "cus_3", "Third");
		postMessage(tenant, first, "A new question on the oldest conversation");

		List<String> ids = get(tenant.key(), "/api/v1/conversations").json()
			.path("conversations")
			.valueStream()
			.map((conversation) -> conversation.path("id").asString())
			.toList();

		assertThat(ids).containsExactly(first, third, second);
	}

	@Test
	void filtersByStatusChannelAndCustomer() {
		Tenant tenant = newTenant();
		String open = openConversation(tenant, "alice", "Open one");
		String solved = openConversation(tenant, "bob", "Solved one");
		patch(tenant.key(), "/api/v1/conversations/" + solved, "{\"status\": \"solved\"}");
		String email = post(tenant.key(), "/api/v1/conversations",
				"{\"subject\": \"By mail\", \"channel\": \"email\", \"customer\": {\"id\": \"alice\"}}")
			.json()
			.at("/conversation/id")
			.asString();

		assertThat(ids(tenant, "?status=solved")).containsExactly(solved);
		assertThat(ids(tenant, "?status=open")).containsExactly(email, open);
		assertThat(ids(tenant, "?channel=email")).containsExactly(email);
		assertThat(ids(tenant, "?customerId=alice")).containsExactly(email, open);
		assertThat(ids(tenant, "?customerId=alice&channel=api")).containsExactly(open);
		assertThat(ids(tenant, "?customerId=nobody")).isEmpty();
	}

	private List<String> ids(Tenant tenant, String query) {
		return get(tenant.key(), "/api/v1/conversations" + query).json()
			.path("conversations")
			.valueStream()
			.map((conversation) -> conversation.path("id").asString())
			.toList();
	}

}

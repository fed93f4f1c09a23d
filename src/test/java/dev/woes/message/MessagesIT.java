package dev.woes.message;

import java.util.List;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Messages API: recording a thread and reading it back, oldest first.
 */
class MessagesIT extends ApiTest {

	@Test
	void recordsTheContractsExampleMessage() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_123", "Need help with auth");

		Reply reply = post(tenant.key(), "/api/v1/conversations/" + conversationId + "/messages",
				"{\"role\": \"user\", \"body\": \"I am getting a 401 from POST /orders.\"}");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.fieldNames("")).containsExactly("message");
		assertThat(reply.fieldNames("/message")).containsExactly("object", "id", "conversationId", "role", "body",
				"deliveryStatus", "createdAt");
		JsonNode message = reply.json().path("message");
		assertThat(message.path("object").asString()).isEqualTo("message");
		assertThat(message.path("conversationId").asString()).isEqualTo(conversationId);
		assertThat(message.path("role").asString()).isEqualTo("user");
		assertThat(message.path("body").asString()).isEqualTo("I am getting a 401 from POST /orders.");
		assertThat(message.path("deliveryStatus").asString()).isEqualTo("delivered");
		assertThat(message.path("createdAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
	}

	@Test
	void aMessageMovesTheConversationsActivityAndPreview() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_1", "Subject line");
		JsonNode before = get(tenant.key(), "/api/v1/conversations/" + conversationId).json().path("conversation");

		JsonNode message = post(tenant.key(), "/api/v1/conversations/" + conversationId + "/messages",
				"{\"body\": \"  The export\\n\\n  fails   again  \", \"role\": \"assistant\"}")
			.json()
			.path("message");

		JsonNode after = get(tenant.key(), "/api/v1/conversations/" + conversationId).json().path("conversation");
		assertThat(message.path("role").asString()).isEqualTo("assistant");
		assertThat(after.path("preview").asString()).isEqualTo("The export fails again");
		assertThat(after.path("lastMessageAt").asString()).isEqualTo(message.path("createdAt").asString());
		assertThat(after.path("updatedAt").asString()).isEqualTo(message.path("createdAt").asString());
		assertThat(after.path("createdAt")).isEqualTo(before.path("createdAt"));
		assertThat(after.path("subject").asString()).isEqualTo("Subject line");
	}

	@Test
	void previewIsCutToAShortText() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_1", "Long");
		String body = "é".repeat(500);

		postMessage(tenant, conversationId, body);

		String preview = get(tenant.key(), "/api/v1/conversations/" + conversationId).json()
			.at("/conversation/preview")
			.asString();
		assertThat(preview).isEqualTo("é".repeat(160));
	}

	@Test
	void listsTheThreadOldestFirstWithTheListShape() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_1", "Thread");
		List<String> posted = List.of(postMessage(tenant, conversationId, "one"),
				postMessage(tenant, conversationId, "two"), postMessage(tenant, conversationId, "three"));

		Reply reply = get(tenant.key(), "/api/v1/conversations/" + conversationId + "/messages");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.fieldNames("")).containsExactly("object", "messages");
		assertThat(reply.json().path("object").asString()).isEqualTo("list");
		assertThat(reply.json().path("messages").valueStream().map((m) -> m.path("id").asString()).toList())
			.isEqualTo(posted);
		assertThat(reply.json().path("messages").valueStream().map((m) -> m.path("body").asString()).toList())
			.containsExactly("one", "two", "three");
		assertThat(reply.header("Link")).isNull();
	}

	@Test
	void anEmptyThreadIsAnEmptyList() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_1", "Quiet");

		Reply reply = get(tenant.key(), "/api/v1/conversations/" + conversationId + "/messages");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().path("messages")).isEmpty();
	}

	@Test
	void pagesThroughTheThreadWithLimitAndStartingAfter() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_1", "Paged thread");
		List<String> posted = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			posted.add(postMessage(tenant, conversationId, "m" + i));
		}

		List<String> seen = new java.util.ArrayList<>();
		String next = "/api/v1/conversations/" + conversationId + "/messages?limit=3";
		int pages = 0;
		while (next != null) {
			Reply page = get(tenant.key(), next);
			assertThat(page.status()).isEqualTo(200);
			page.json().path("messages").valueStream().forEach((m) -> seen.add(m.path("id").asString()));
			next = nextLink(page);
			pages++;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(seen).isEqualTo(posted);
	}

	@Test
	void withoutLimitAnswersUpToOneThousandMessagesAndLinksToTheRest() {
		Tenant tenant = newTenant();
		String conversationId = openConversation(tenant, "cus_1", "Very long thread");
		int total = 1005;
		for (int i = 0; i < total; i++) {
			postMessage(tenant, conversationId, "message " + i);
		}

		Reply first = get(tenant.key(), "/api/v1/conversations/" + conversationId + "/messages");
		assertThat(first.json().path("messages")).hasSize(1000);
		assertThat(first.json().at("/messages/999/body").asString()).isEqualTo("message 999");
		String next = nextLink(first);
		assertThat(next).isNotNull();

		Reply rest = get(tenant.key(), next);
		assertThat(rest.json().path("messages").valueStream().map((m) -> m.path("body").asString()).toList())
			.containsExactly("message 1000", "message 1001", "message 1002", "message 1003", "message 1004");
		assertThat(nextLink(rest)).isNull();
	}

	static String nextLink(Reply reply) {
		String link = reply.header("Link");
		if (link == null) {
			return null;
		}
		assertThat(link).endsWith(">; rel=\"next\"");
		return link.substring(1, link.indexOf('>'));
	}

}

package dev.woes.triage;

import java.util.List;
import java.util.UUID;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation's tags, and the conversation list filtered by tag.
 */
class ConversationTagsIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void taggingWithANewNameCreatesTheTagAndNamesMatchRegardlessOfCase() {
		Tenant tenant = newTenant("conversations:read", "conversations:write", "definitions:read");
		String id = openConversation(tenant, "cus_1", "Invoice wrong");

		Reply added = post(tenant.key(), tags(id), "{\"name\": \"Billing\"}");

		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.fieldNames("")).containsExactly("object", "hasMore", "tags");
		assertThat(added.fieldNames("/tags/0")).containsExactly("object", "id", "name", "scope", "color",
				"description");
		assertThat(names(added)).containsExactly("Billing");
		assertThat(get(tenant.key(), "/api/v1/tags").json().at("/tags/0/scope").asString()).isEqualTo("issue");

		assertThat(names(post(tenant.key(), tags(id), "{\"name\": \"BILLING\"}"))).containsExactly("Billing");
		assertThat(names(post(tenant.key(), tags(id), "{\"name\": \"refund\"}"))).containsExactly("Billing", "refund");
		assertThat(names(get(tenant.key(), tags(id)))).containsExactly("Billing", "refund");
		assertThat(eventTypes(tenant, id)).containsExactly("conversation.created", "conversation.tags.updated",
				"conversation.tags.updated");
	}

	@Test
	void removesAndReplacesTags() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Invoice wrong");
		Reply tagged = send(tenant.key(), "PUT", tags(id), "{\"names\": [\"a\", \"b\", \"A\"]}");
		assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
		assertThat(names(tagged)).containsExactly("a", "b");
		String b = tagged.json().at("/tags/1/id").asString();

		assertThat(names(send(tenant.key(), "DELETE", tags(id) + "/" + b, null))).containsExactly("a");
		assertThat(names(send(tenant.key(), "DELETE", tags(id) + "/" + b, null))).containsExactly("a");
		assertThat(names(send(tenant.key(), "PUT", tags(id), "{\"names\": [\"c\"]}"))).containsExactly("c");
		assertThat(names(send(tenant.key(), "PUT", tags(id), "{\"names\": []}"))).isEmpty();
		assertThat(send(tenant.key(), "DELETE", tags(id) + "/not-a-tag", null).status()).isEqualTo(404);
		assertThat(send(tenant.key(), "DELETE", tags(id) + "/0190f3a1-0000-7000-8000-000000000000", null).status())
			.as("a tag the workspace does not have")
			.isEqualTo(404);
	}

	@Test
	void deletingATagTakesItOffEveryConversation() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Invoice wrong");
		String tagId = post(tenant.key(), tags(id), "{\"name\": \"gone\"}").json().at("/tags/0/id").asString();

		send(tenant.key(), "DELETE", "/api/v1/tags/" + tagId, null);

		assertThat(names(get(tenant.key(), tags(id)))).isEmpty();
	}

	@Test
	void refusesAccountTagsTooManyTagsAndBadNames() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Invoice wrong");
		post(tenant.key(), "/api/v1/tags", "{\"name\": \"enterprise\", \"scope\": \"account\"}");

		Reply account = post(tenant.key(), tags(id), "{\"name\": \"Enterprise\"}");
		assertThat(account.status()).isEqualTo(400);
		assertThat(account.json().path("error").asString()).contains("account tag");
		assertThat(post(tenant.key(), tags(id), "{\"name\": \"\"}").status()).isEqualTo(400);
		assertThat(post(tenant.key(), tags(id), "{}").status()).isEqualTo(400);
		StringBuilder many = new StringBuilder("{\"names\": [");
		for (int i = 0; i < 26; i++) {
			many.append(i == 0 ? "" : ", ").append("\"t").append(i).append('"');
		}
		Reply tooMany = send(tenant.key(), "PUT", tags(id), many.append("]}").toString());
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().path("error").asString()).startsWith("names");
		assertThat(send(tenant.key(), "PUT", tags(id), "{\"names\": [null]}").status()).isEqualTo(400);
		assertThat(names(get(tenant.key(), tags(id)))).isEmpty();
	}

	@Test
	void theConversationListFiltersByTagAlongWithOtherFiltersAndPages() {
		Tenant tenant = newTenant();
		String first = openConversation(tenant, "cus_1", "One");
		String second = openConversation(tenant, "cus_2", "Two");
		String third = openConversation(tenant, "cus_3", "Three");
		post(tenant.key(), tags(first), "{\"name\": \"billing\"}");
		post(tenant.key(), tags(third), "{\"name\": \"Billing\"}");
		post(tenant.key(), tags(second), "{\"name\": \"other\"}");

		assertThat(ids(get(tenant.key(), "/api/v1/conversations?tag=BILLING"))).containsExactly(third, first);
		Reply page = get(tenant.key(), "/api/v1/conversations?tag=billing&limit=1");
		assertThat(ids(page)).containsExactly(third);
		assertThat(page.json().path("hasMore").asBoolean()).isTrue();
		assertThat(page.header("Link")).contains("tag=billing");
		assertThat(ids(get(tenant.key(), "/api/v1/conversations?tag=billing&limit=1&startingAfter=" + third)))
			.containsExactly(first);

		patch(tenant.key(), "/api/v1/conversations/" + first, "{\"status\": \"solved\"}");
		assertThat(ids(get(tenant.key(), "/api/v1/conversations?tag=billing&status=solved"))).containsExactly(first);
		assertThat(ids(get(tenant.key(), "/api/v1/conversations?tag=billing&customerId=cus_3"))).containsExactly(third);
		assertThat(ids(get(tenant.key(), "/api/v1/conversations?tag=nothing"))).isEmpty();
		assertThat(get(tenant.key(), "/api/v1/conversations?tag=").status()).isEqualTo(400);
		assertThat(get(tenant.key(), "/api/v1/conversations?tag=" + "x".repeat(65)).json().path("error").asString())
			.isEqualTo("tag must be 1-64 characters.");
	}

	private static String tags(String conversationId) {
		return "/api/v1/conversations/" + conversationId + "/tags";
	}

	private static List<String> names(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("tags").valueStream().map((tag) -> tag.path("name").asString()).toList();
	}

	private static List<String> ids(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.json().path("conversations").valueStream().map((JsonNode c) -> c.path("id").asString()).toList();
	}

	private List<String> eventTypes(Tenant tenant, String id) {
		return this.jdbc.sql("SELECT type FROM events WHERE workspace_id = :w AND subject_id = :id ORDER BY seq")
			.param("w", tenant.workspace().id().value())
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list();
	}

}

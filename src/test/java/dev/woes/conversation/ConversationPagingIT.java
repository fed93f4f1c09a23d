package dev.woes.conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking a list page by page returns every conversation exactly once, in order, with or
 * without filters, following either {@code startingAfter} or the {@code Link} header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationPagingIT extends ApiTest {

	private static final int CONVERSATIONS = 250;

	private Tenant tenant;

	private final List<JsonNode> all = new ArrayList<>();

	@BeforeAll
	void twoHundredFiftyConversations() {
		this.tenant = newTenant();
		for (int i = 0; i < CONVERSATIONS; i++) {
			String id = openConversation(this.tenant, "customer-" + (i % 7), "Question " + i);
			if (i % 3 == 0) {
				patch(this.tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"solved\"}");
			}
			if (i % 10 == 0) {
				postMessage(this.tenant, id, "Follow-up " + i);
			}
		}
		String next = "/api/v1/conversations?limit=100";
		while (next != null) {
			Reply page = get(this.tenant.key(), next);
			page.json().path("conversations").valueStream().forEach(this.all::add);
			next = page.json().path("hasMore").asBoolean()
					? "/api/v1/conversations?limit=100&startingAfter=" + lastId(page) : null;
		}
	}

	@ParameterizedTest(name = "limit={0} filter=''{1}''")
	@CsvSource({ "20, ''", "1, ''", "100, ''", "7, status=solved", "13, status=open", "9, customerId=customer-3",
			"11, status=open&customerId=customer-5", "25, channel=api" })
	void walkingThePagesReturnsEveryMatchingConversationExactlyOnceInOrder(int limit, String filter) {
		List<String> expected = this.all.stream().filter((c) -> matches(c, filter)).map(Ids::id).toList();

		String query = "/api/v1/conversations?limit=" + limit + (filter.isEmpty() ? "" : "&" + filter);
		List<Reply> pages = walkPages(this.tenant.key(), query, "conversations", limit);
		List<String> walked = pages.stream().flatMap((page) -> page.ids("conversations").stream()).toList();

		pages.stream()
			.filter((page) -> page.header("Link") != null)
			.forEach((page) -> assertThat(page.nextLink()).contains(filter));
		assertThat(walked).isEqualTo(expected);
		assertThat(new HashSet<>(walked)).hasSize(walked.size());
	}

	@Test
	void theWholeListIsOrderedByLatestActivityThenId() {
		assertThat(this.all).hasSize(CONVERSATIONS);
		for (int i = 1; i < this.all.size(); i++) {
			JsonNode previous = this.all.get(i - 1);
			JsonNode current = this.all.get(i);
			int byActivity = previous.path("lastMessageAt")
				.asString()
				.compareTo(current.path("lastMessageAt").asString());
			assertThat(byActivity > 0 || (byActivity == 0 && Ids.id(previous).compareTo(Ids.id(current)) > 0))
				.as("%s before %s", Ids.id(previous), Ids.id(current))
				.isTrue();
		}
		Set<String> ids = new HashSet<>(this.all.stream().map(Ids::id).toList());
		assertThat(ids).hasSize(CONVERSATIONS);
	}

	private static boolean matches(JsonNode conversation, String filter) {
		if (filter.isEmpty()) {
			return true;
		}
		for (String condition : filter.split("&")) {
			String[] pair = condition.split("=");
			String actual = pair[0].equals("customerId") ? conversation.at("/customer/id").asString()
					: conversation.path(pair[0]).asString();
			if (!actual.equals(pair[1])) {
				return false;
			}
		}
		return true;
	}

	private static String lastId(Reply page) {
		JsonNode conversations = page.json().path("conversations");
		return Ids.id(conversations.get(conversations.size() - 1));
	}

	private static final class Ids {

		static String id(JsonNode conversation) {
			return conversation.path("id").asString();
		}

	}

}

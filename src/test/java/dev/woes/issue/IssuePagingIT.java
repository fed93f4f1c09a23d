package dev.woes.issue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking the issue list page by page returns every matching issue exactly once, most
 * recent activity first, with every filter, following the {@code Link} header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuePagingIT extends ApiTest {

	private static final int ISSUES = 66;

	private static final List<String> CATEGORIES = List.of("new", "on_you", "on_customer", "on_hold", "closed");

	private Tenant tenant;

	private final List<String> conversations = new ArrayList<>();

	private final List<JsonNode> all = new ArrayList<>();

	private String touched;

	@BeforeAll
	void sixtySixIssues() {
		this.tenant = newTenant();
		for (int i = 0; i < 3; i++) {
			this.conversations.add(openConversation(this.tenant, "cus_" + i, "Conversation " + i));
		}
		for (int i = 0; i < ISSUES; i++) {
			String source = (i % 4 == 0) ? ", \"sourceConversationId\": \"" + this.conversations.get(i % 3) + "\"" : "";
			String email = (i % 5 == 0) ? "null" : "\"Person" + (i % 3) + "@Example.com\"";
			Reply created = post(this.tenant.key(), "/api/v1/issues",
					"{\"subject\": \"Issue " + i + "\", \"priority\": \"" + ((i % 2 == 0) ? "high" : "low")
							+ "\", \"statusCategory\": \"" + CATEGORIES.get(i % 5) + "\", \"customer\": {\"email\": "
							+ email + "}" + source + "}");
			assertThat(created.status()).isEqualTo(201);
			if (i % 7 == 0) {
				patch(this.tenant.key(), "/api/v1/issues/" + created.json().at("/issue/id").asString(),
						"{\"description\": \"Touched " + i + "\"}");
			}
		}
		this.touched = get(this.tenant.key(), "/api/v1/issues?limit=100&statusCategory=new").json()
			.at("/issues/5/id")
			.asString();
		patch(this.tenant.key(), "/api/v1/issues/" + this.touched, "{\"description\": \"Touched last\"}");
		Reply everything = get(this.tenant.key(), "/api/v1/issues?limit=100");
		everything.json().path("issues").valueStream().forEach(this.all::add);
		assertThat(everything.json().path("hasMore").asBoolean()).isFalse();
	}

	@Test
	void theWholeListIsOrderedByLatestActivityThenId() {
		assertThat(this.all).hasSize(ISSUES);
		for (int i = 1; i < this.all.size(); i++) {
			JsonNode previous = this.all.get(i - 1);
			JsonNode current = this.all.get(i);
			int byActivity = previous.path("lastActivityAt")
				.asString()
				.compareTo(current.path("lastActivityAt").asString());
			assertThat(byActivity > 0 || (byActivity == 0 && id(previous).compareTo(id(current)) > 0)).isTrue();
		}
		assertThat(id(this.all.get(0))).as("the issue changed last comes first").isEqualTo(this.touched);
	}

	@ParameterizedTest(name = "limit={0} filter=''{1}''")
	@CsvSource({ "20, ''", "1, ''", "7, statusCategory=closed", "3, statusCategory=on_hold", "9, priority=high",
			"5, customerEmail=person1@example.COM", "4, sourceConversationId=#0",
			"2, priority=high&sourceConversationId=#2" })
	void walkingThePagesReturnsEveryMatchingIssueExactlyOnceInOrder(int limit, String filter) {
		String query = java.util.regex.Pattern.compile("#(\\d)")
			.matcher(filter)
			.replaceAll((found) -> this.conversations.get(Integer.parseInt(found.group(1))));
		List<String> expected = this.all.stream()
			.filter((issue) -> matches(issue, query))
			.map(IssuePagingIT::id)
			.toList();
		assertThat(expected).isNotEmpty();

		List<Reply> pages = walkPages(this.tenant.key(),
				"/api/v1/issues?limit=" + limit + (query.isEmpty() ? "" : "&" + query), "issues", limit);
		List<String> walked = pages.stream().flatMap((page) -> page.ids("issues").stream()).toList();

		assertThat(walked).isEqualTo(expected);
		assertThat(new HashSet<>(walked)).hasSize(walked.size());
		assertThat(pages.size()).isGreaterThanOrEqualTo(expected.size() / limit);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					limit=0                          | limit must be an integer between 1 and 100.
					limit=101                        | limit must be an integer between 1 and 100.
					limit=ten                        | limit must be an integer between 1 and 100.
					statusCategory=open              | statusCategory must be one of new, on_you, on_customer, on_hold, closed.
					priority=                        | priority must be 1-32 characters.
					customerEmail=nobody             | customerEmail must be an email address of at most 320 characters.
					sourceConversationId=abc         | sourceConversationId must be a conversation id.
					startingAfter=abc                | startingAfter must be an issue id.
					startingAfter=0190f3a1-0000-7000-8000-000000000000 | startingAfter must be the id of an issue in this workspace.
					status=new                       | Unknown query parameter: status.
					""")
	void refusesABadQueryParameter(String query, String error) {
		Reply reply = get(this.tenant.key(), "/api/v1/issues?" + query);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").asString()).isEqualTo(error);
	}

	@Test
	void aCursorFromAnotherWorkspaceIsRefusedLikeAnUnknownOne() {
		Tenant stranger = newTenant();
		Reply foreign = get(stranger.key(), "/api/v1/issues?startingAfter=" + id(this.all.get(0)));
		Reply missing = get(stranger.key(), "/api/v1/issues?startingAfter=" + IssuesIT.MISSING);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).isEqualTo(missing.body());
		assertThat(get(stranger.key(), "/api/v1/issues").json().path("issues")).isEmpty();
		assertThat(get(stranger.key(), "/api/v1/issues?customerEmail=person1@example.com").json().path("issues"))
			.isEmpty();
	}

	private static boolean matches(JsonNode issue, String filter) {
		if (filter.isEmpty()) {
			return true;
		}
		for (String condition : filter.split("&")) {
			String[] pair = condition.split("=");
			boolean match = switch (pair[0]) {
				case "customerEmail" -> !issue.at("/customer/email").isNull() && issue.at("/customer/email")
					.asString()
					.toLowerCase(Locale.ROOT)
					.equals(pair[1].toLowerCase(Locale.ROOT));
				case "sourceConversationId" -> !issue.at("/source/conversationId").isNull()
						&& issue.at("/source/conversationId").asString().equals(pair[1]);
				default -> issue.path(pair[0]).asString().equals(pair[1]);
			};
			if (!match) {
				return false;
			}
		}
		return true;
	}

	private static String id(JsonNode issue) {
		return issue.path("id").asString();
	}

}

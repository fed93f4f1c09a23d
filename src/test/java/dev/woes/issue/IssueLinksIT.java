package dev.woes.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * Conversations link to issues from either side: many conversations to one issue,
 * idempotent linking, unlinking, lists on both sides, 404s across workspaces, and
 * concurrent links and unlinks that leave the links and the events in agreement.
 */
class IssueLinksIT extends ApiTest {

	private static final String MISSING = IssuesIT.MISSING;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void linksManyConversationsToOneIssueFromEitherSideAndListsThemOnBoth() throws InterruptedException {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Linked work");
		String first = openConversation(tenant, "cus_1", "First");
		String second = openConversation(tenant, "cus_2", "Second");
		String createdAt = get(tenant.key(), "/api/v1/issues/" + issue).json().at("/issue/createdAt").asString();

		Thread.sleep(5);
		Reply viaConversation = post(tenant.key(), "/api/v1/conversations/" + first + "/issues",
				"{\"issueId\": \"" + issue + "\"}");
		Reply viaIssue = post(tenant.key(), "/api/v1/issues/" + issue + "/conversations",
				"{\"conversationId\": \"" + second + "\"}");

		assertThat(viaConversation.status()).isEqualTo(201);
		assertThat(viaConversation.fieldNames("")).containsExactly("issueLink");
		assertThat(viaConversation.fieldNames("/issueLink")).containsExactly("object", "issueId", "conversationId",
				"linkedAt");
		assertThat(viaConversation.json().at("/issueLink/object").asString()).isEqualTo("issue_link");
		assertThat(viaConversation.json().at("/issueLink/issueId").asString()).isEqualTo(issue);
		assertThat(viaConversation.json().at("/issueLink/conversationId").asString()).isEqualTo(first);
		assertThat(viaIssue.status()).isEqualTo(201);

		Reply ofIssue = get(tenant.key(), "/api/v1/issues/" + issue + "/conversations");
		assertThat(ofIssue.fieldNames("")).containsExactly("object", "hasMore", "issueLinks");
		assertThat(ofIssue.json().path("issueLinks").valueStream().map((l) -> l.path("conversationId").asString()))
			.containsExactly(first, second);
		assertThat(get(tenant.key(), "/api/v1/conversations/" + second + "/issues").json()
			.at("/issueLinks/0/issueId")
			.asString()).isEqualTo(issue);
		JsonNode after = get(tenant.key(), "/api/v1/issues/" + issue).json().path("issue");
		assertThat(after.path("lastActivityAt").asString()).isGreaterThan(createdAt);
		assertThat(after.path("updatedAt").asString()).as("links are activity, not a change of the issue's fields")
			.isEqualTo(createdAt);
		assertThat(eventTypesOf(tenant)).containsSubsequence("issue.created", "conversation.issue.linked",
				"conversation.issue.linked");
	}

	@Test
	void linkingAnAlreadyLinkedPairAnswers200WithTheExistingLinkAndRecordsNothing() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Linked work");
		String conversation = openConversation(tenant, "cus_1", "Thread");
		Reply first = post(tenant.key(), "/api/v1/conversations/" + conversation + "/issues",
				"{\"issueId\": \"" + issue + "\"}");

		Reply again = post(tenant.key(), "/api/v1/conversations/" + conversation + "/issues",
				"{\"issueId\": \"" + issue + "\"}");
		Reply fromTheOtherSide = post(tenant.key(), "/api/v1/issues/" + issue + "/conversations",
				"{\"conversationId\": \"" + conversation + "\"}");

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(fromTheOtherSide.status()).isEqualTo(200);
		assertThat(fromTheOtherSide.json()).isEqualTo(first.json());
		assertThat(eventTypesOf(tenant).stream().filter("conversation.issue.linked"::equals)).hasSize(1);
	}

	@Test
	void unlinksFromEitherSideAnd404sWhenNotLinked() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Linked work");
		String conversation = openConversation(tenant, "cus_1", "Thread");
		link(tenant, issue, conversation);

		Reply removed = send(tenant.key(), "DELETE", "/api/v1/conversations/" + conversation + "/issues/" + issue,
				null);
		Reply again = send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/conversations/" + conversation, null);

		assertThat(removed.status()).isEqualTo(204);
		assertThat(removed.body()).isEmpty();
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.json().path("error").asString()).isEqualTo("The conversation is not linked to this issue.");
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/conversations").json().path("issueLinks")).isEmpty();
		assertThat(get(tenant.key(), "/api/v1/conversations/" + conversation + "/issues").json().path("issueLinks"))
			.isEmpty();
		List<Map<String, Object>> events = eventsOf(tenant);
		Map<String, Object> unlinked = events.get(events.size() - 1);
		assertThat(unlinked.get("type")).isEqualTo("conversation.issue.unlinked");
		assertThat(unlinked.get("subject_id")).hasToString(conversation);
		JsonNode data = JSON.readTree((String) unlinked.get("data"));
		assertThat(data.path("issueId").asString()).isEqualTo(issue);
		assertThat(data.path("conversationId").asString()).isEqualTo(conversation);

		String other = openConversation(tenant, "cus_2", "Other");
		assertThat(send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/conversations/" + other, null).status())
			.isEqualTo(404);
		assertThat(send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/conversations/" + MISSING, null).json()
			.path("error")
			.asString()).isEqualTo("Conversation not found.");
	}

	@Test
	void pagesThroughAConversationsIssuesAndAnIssuesConversations() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Busy");
		String issue = createIssue(tenant, "Linked work");
		List<String> issues = new ArrayList<>();
		List<String> conversations = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			String other = createIssue(tenant, "Linked work");
			link(tenant, other, conversation);
			issues.add(other);
			String thread = openConversation(tenant, "cus_" + i, "Thread " + i);
			link(tenant, issue, thread);
			conversations.add(thread);
		}

		assertThat(walk(tenant, "/api/v1/conversations/" + conversation + "/issues?limit=3", "issueId"))
			.containsExactlyElementsOf(issues);
		assertThat(walk(tenant, "/api/v1/issues/" + issue + "/conversations?limit=2", "conversationId"))
			.containsExactlyElementsOf(conversations);
		Reply unknownCursor = get(tenant.key(),
				"/api/v1/conversations/" + conversation + "/issues?startingAfter=" + issue);
		assertThat(unknownCursor.status()).isEqualTo(400);
		assertThat(unknownCursor.json().path("error").asString())
			.isEqualTo("startingAfter must be the id of an issue linked to this conversation.");
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/conversations?limit=101").status()).isEqualTo(400);
		Reply malformed = get(tenant.key(), "/api/v1/issues/" + issue + "/conversations?startingAfter=abc");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("error").asString()).isEqualTo("startingAfter must be a conversation id.");
		Reply notLinked = get(tenant.key(), "/api/v1/issues/" + issue + "/conversations?startingAfter=" + conversation);
		assertThat(notLinked.json().path("error").asString())
			.isEqualTo("startingAfter must be the id of a conversation linked to this issue.");
		assertThat(get(tenant.key(), "/api/v1/conversations/" + conversation + "/issues?startingAfter=abc").json()
			.path("error")
			.asString()).isEqualTo("startingAfter must be an issue id.");
	}

	@Test
	void refusesInvalidLinkBodies() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Linked work");
		String conversation = openConversation(tenant, "cus_1", "Thread");
		Map<String, String> conversationSide = Map.of("{}", "issueId is required.", "{\"issueId\": null}",
				"issueId is required.", "{\"issueId\": \"abc\"}", "issueId must be a UUID.", "{\"issueId\": 5}",
				"issueId must be a string.", "{\"issueId\": \"" + issue + "\", \"note\": \"x\"}",
				"Unknown field: note.");
		conversationSide.forEach((body, error) -> {
			Reply reply = post(tenant.key(), "/api/v1/conversations/" + conversation + "/issues", body);
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.json().path("error").asString()).as(body).isEqualTo(error);
		});
		Reply issueSide = post(tenant.key(), "/api/v1/issues/" + issue + "/conversations", "{}");
		assertThat(issueSide.status()).isEqualTo(400);
		assertThat(issueSide.json().path("error").asString()).isEqualTo("conversationId is required.");
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/conversations").json().path("issueLinks")).isEmpty();
	}

	@Test
	void idsOfAnotherWorkspaceInBodiesAnswer404ExactlyLikeMissingOnes() {
		Tenant owner = newTenant();
		Tenant stranger = newTenant();
		String ownersIssue = createIssue(owner, "Linked work");
		String ownersConversation = openConversation(owner, "cus_1", "Private");
		String strangersIssue = createIssue(stranger, "Linked work");
		String strangersConversation = openConversation(stranger, "cus_2", "Own");

		Reply foreignIssue = post(stranger.key(), "/api/v1/conversations/" + strangersConversation + "/issues",
				"{\"issueId\": \"" + ownersIssue + "\"}");
		Reply missingIssue = post(stranger.key(), "/api/v1/conversations/" + strangersConversation + "/issues",
				"{\"issueId\": \"" + MISSING + "\"}");
		Reply foreignConversation = post(stranger.key(), "/api/v1/issues/" + strangersIssue + "/conversations",
				"{\"conversationId\": \"" + ownersConversation + "\"}");
		Reply missingConversation = post(stranger.key(), "/api/v1/issues/" + strangersIssue + "/conversations",
				"{\"conversationId\": \"" + MISSING + "\"}");

		assertThat(foreignIssue.status()).isEqualTo(404);
		assertThat(foreignIssue.body()).isEqualTo(missingIssue.body());
		assertThat(foreignConversation.status()).isEqualTo(404);
		assertThat(foreignConversation.body()).isEqualTo(missingConversation.body());
		assertThat(get(stranger.key(), "/api/v1/issues/" + strangersIssue + "/conversations").json().path("issueLinks"))
			.isEmpty();
		assertThat(get(owner.key(), "/api/v1/issues/" + ownersIssue + "/conversations").json().path("issueLinks"))
			.isEmpty();
		assertThat(eventTypesOf(stranger)).doesNotContain("conversation.issue.linked");
	}

	@Test
	void linkingNeedsIssuesWriteAndListingIssuesRead() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Linked work");
		String conversation = openConversation(tenant, "cus_1", "Thread");
		String reader = keyFor(tenant.workspace(), "issues:read");
		String conversationsWriter = keyFor(tenant.workspace(), "conversations:read", "conversations:write");

		assertThat(post(reader, "/api/v1/conversations/" + conversation + "/issues", "{\"issueId\": \"" + issue + "\"}")
			.status()).isEqualTo(403);
		assertThat(post(conversationsWriter, "/api/v1/conversations/" + conversation + "/issues",
				"{\"issueId\": \"" + issue + "\"}")
			.status()).isEqualTo(403);
		assertThat(get(conversationsWriter, "/api/v1/conversations/" + conversation + "/issues").status())
			.isEqualTo(403);
		assertThat(get(reader, "/api/v1/conversations/" + conversation + "/issues").status()).isEqualTo(200);
		assertThat(get(reader, "/api/v1/issues/" + issue + "/conversations").status()).isEqualTo(200);
		assertThat(send(reader, "DELETE", "/api/v1/issues/" + issue + "/conversations/" + conversation, null).status())
			.isEqualTo(403);
	}

	@Test
	void concurrentLinksOfTheSamePairStoreOneLinkAndOneEvent() throws Exception {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Linked work");
		String conversation = openConversation(tenant, "cus_1", "Thread");

		List<Integer> statuses = inParallel(16,
				(i) -> () -> ((i % 2 == 0)
						? post(tenant.key(), "/api/v1/conversations/" + conversation + "/issues",
								"{\"issueId\": \"" + issue + "\"}")
						: post(tenant.key(), "/api/v1/issues/" + issue + "/conversations",
								"{\"conversationId\": \"" + conversation + "\"}"))
					.status());

		assertThat(statuses.stream().filter((status) -> status == 201)).hasSize(1);
		assertThat(statuses.stream().filter((status) -> status == 200)).hasSize(15);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/conversations").json().path("issueLinks"))
			.hasSize(1);
		assertThat(eventTypesOf(tenant).stream().filter("conversation.issue.linked"::equals)).hasSize(1);
	}

	@Test
	void concurrentLinksAndUnlinksLeaveTheLinksAndTheEventsInAgreement() throws Exception {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Linked work");
		List<String> conversations = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			conversations.add(openConversation(tenant, "cus_" + i, "Thread " + i));
		}
		String contested = conversations.get(0);

		// Every conversation but the first is linked; the odd ones are unlinked again, in
		// the same thread. Meanwhile the first is linked and unlinked by racing requests.
		inParallel(24, (i) -> () -> {
			if (i < 11) {
				String conversation = conversations.get(i + 1);
				link(tenant, issue, conversation);
				if (i % 2 == 1) {
					return send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/conversations/" + conversation,
							null)
						.status();
				}
				return 201;
			}
			return (i % 2 == 0)
					? post(tenant.key(), "/api/v1/issues/" + issue + "/conversations",
							"{\"conversationId\": \"" + contested + "\"}")
						.status()
					: send(tenant.key(), "DELETE", "/api/v1/conversations/" + contested + "/issues/" + issue, null)
						.status();
		});

		List<String> linked = new ArrayList<>();
		get(tenant.key(), "/api/v1/issues/" + issue + "/conversations?limit=100").json()
			.path("issueLinks")
			.valueStream()
			.forEach((l) -> linked.add(l.path("conversationId").asString()));
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 11; i += 2) {
			expected.add(conversations.get(i + 1));
		}
		assertThat(linked).filteredOn((id) -> !id.equals(contested)).containsExactlyInAnyOrderElementsOf(expected);
		for (String conversation : conversations) {
			long links = countEvents(tenant, "conversation.issue.linked", conversation);
			long unlinks = countEvents(tenant, "conversation.issue.unlinked", conversation);
			assertThat(links - unlinks).as(conversation).isEqualTo(linked.contains(conversation) ? 1 : 0);
		}
		Long stored = this.jdbc
			.sql("SELECT count(*) FROM issue_conversations WHERE workspace_id = :workspace AND issue_id = :issue")
			.param("workspace", tenant.workspace().id().value())
			.param("issue", java.util.UUID.fromString(issue))
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(linked.size());
	}

	private List<Integer> inParallel(int tasks, java.util.function.IntFunction<Callable<Integer>> task)
			throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(tasks)) {
			List<Future<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				futures.add(pool.submit(task.apply(i)));
			}
			List<Integer> results = new ArrayList<>();
			for (Future<Integer> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	private List<String> walk(Tenant tenant, String first, String field) {
		List<String> walked = new ArrayList<>();
		String next = first;
		while (next != null) {
			Reply page = get(tenant.key(), next);
			assertThat(page.status()).isEqualTo(200);
			page.json().path("issueLinks").valueStream().forEach((l) -> walked.add(l.path(field).asString()));
			String header = page.header("Link");
			assertThat(header != null).isEqualTo(page.json().path("hasMore").asBoolean());
			next = (header != null) ? header.substring(1, header.indexOf('>')) : null;
		}
		return walked;
	}

	private void link(Tenant tenant, String issue, String conversation) {
		Reply reply = post(tenant.key(), "/api/v1/issues/" + issue + "/conversations",
				"{\"conversationId\": \"" + conversation + "\"}");
		assertThat(reply.status()).isIn(200, 201);
	}

	private long countEvents(Tenant tenant, String type, String conversation) {
		return this.jdbc.sql(
				"SELECT count(*) FROM events WHERE workspace_id = :workspace AND type = :type AND subject_id = :subject")
			.param("workspace", tenant.workspace().id().value())
			.param("type", type)
			.param("subject", java.util.UUID.fromString(conversation))
			.query(Long.class)
			.single();
	}

}

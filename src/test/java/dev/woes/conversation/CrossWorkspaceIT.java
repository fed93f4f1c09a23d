package dev.woes.conversation;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record of another workspace is invisible: every route that takes an id answers
 * exactly as if the id did not exist.
 */
class CrossWorkspaceIT extends ApiTest {

	private static final String MISSING = "0190f3a1-0000-7000-8000-000000000000";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping routes;

	private Tenant owner;

	private Tenant stranger;

	private String conversationId;

	private String messageId;

	private String noteId;

	private String issueId;

	private String issueNoteId;

	private String externalLinkId;

	private String strangersConversationId;

	private String strangersIssueId;

	private String webhookId;

	private String deliveryId;

	private String operatorId;

	private String teamId;

	private String strangersOperator;

	/**
	 * One probe per route with an id: the stranger's request for the owner's record. A
	 * probe receives the owner's conversation id or a missing id; {@link #owners} turns
	 * that into the owner's record of the route's kind, or a missing id.
	 */
	private final Map<String, BiFunction<String, String, Reply>> probes = Map.ofEntries(
			Map.entry("GET /api/v1/conversations/{conversationId}",
					(key, id) -> get(key, "/api/v1/conversations/" + id)),
			Map.entry("PATCH /api/v1/conversations/{conversationId}",
					(key, id) -> patch(key, "/api/v1/conversations/" + id, "{\"status\": \"solved\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/messages",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/messages")),
			Map.entry("POST /api/v1/conversations/{conversationId}/messages",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/messages", "{\"body\": \"intrusion\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/notes",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/notes")),
			Map.entry("POST /api/v1/conversations/{conversationId}/notes",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/notes",
							"{\"author\": {\"type\": \"automation\", \"name\": \"intruder\"}, \"body\": \"x\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/notes/{noteId}",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/notes/" + this.noteId)),
			Map.entry("PATCH /api/v1/conversations/{conversationId}/notes/{noteId}",
					(key, id) -> patch(key, "/api/v1/conversations/" + id + "/notes/" + this.noteId,
							"{\"body\": \"overwritten\"}")),
			Map.entry("DELETE /api/v1/conversations/{conversationId}/notes/{noteId}",
					(key, id) -> send(key, "DELETE", "/api/v1/conversations/" + id + "/notes/" + this.noteId, null)),
			Map.entry("GET /api/v1/conversations/{conversationId}/timeline",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/timeline")),
			Map.entry("GET /api/v1/operators/{operatorId}",
					(key, id) -> get(key, "/api/v1/operators/" + owners(id, this.operatorId))),
			Map.entry("PATCH /api/v1/operators/{operatorId}",
					(key, id) -> patch(key, "/api/v1/operators/" + owners(id, this.operatorId),
							"{\"status\": \"away\"}")),
			Map.entry("DELETE /api/v1/operators/{operatorId}",
					(key, id) -> send(key, "DELETE", "/api/v1/operators/" + owners(id, this.operatorId), null)),
			Map.entry("GET /api/v1/teams/{teamId}", (key, id) -> get(key, "/api/v1/teams/" + owners(id, this.teamId))),
			Map.entry("PATCH /api/v1/teams/{teamId}",
					(key, id) -> patch(key, "/api/v1/teams/" + owners(id, this.teamId), "{\"name\": \"Taken\"}")),
			Map.entry("DELETE /api/v1/teams/{teamId}",
					(key, id) -> send(key, "DELETE", "/api/v1/teams/" + owners(id, this.teamId), null)),
			Map.entry("PUT /api/v1/teams/{teamId}/members/{operatorId}", (key, id) -> send(key, "PUT",
					"/api/v1/teams/" + owners(id, this.teamId) + "/members/" + owners(id, this.operatorId), null)),
			Map.entry("DELETE /api/v1/teams/{teamId}/members/{operatorId}", (key, id) -> send(key, "DELETE",
					"/api/v1/teams/" + owners(id, this.teamId) + "/members/" + owners(id, this.operatorId), null)),
			Map.entry("GET /api/v1/conversations/{conversationId}/assignment",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/assignment")),
			Map.entry("PUT /api/v1/conversations/{conversationId}/assignment",
					(key, id) -> send(key, "PUT", "/api/v1/conversations/" + id + "/assignment",
							"{\"operatorId\": \"" + this.strangersOperator + "\"}")),
			Map.entry("DELETE /api/v1/conversations/{conversationId}/assignment",
					(key, id) -> send(key, "DELETE", "/api/v1/conversations/" + id + "/assignment", null)),
			Map.entry("POST /api/v1/conversations/{conversationId}/replies",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/replies",
							"{\"operatorId\": \"" + this.strangersOperator + "\", \"body\": \"intrusion\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/participants",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/participants")),
			Map.entry("POST /api/v1/conversations/{conversationId}/participants",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/participants",
							"{\"operatorId\": \"" + this.strangersOperator + "\"}")),
			Map.entry("DELETE /api/v1/conversations/{conversationId}/participants/{operatorId}",
					(key, id) -> send(key, "DELETE",
							"/api/v1/conversations/" + id + "/participants/" + owners(id, this.operatorId), null)),
			Map.entry("GET /api/v1/conversations/{conversationId}/handoffs",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/handoffs")),
			Map.entry("POST /api/v1/conversations/{conversationId}/handoffs",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/handoffs",
							"{\"reason\": \"intrusion\", \"requestedBy\": \"agent\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/handling",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/handling")),
			Map.entry("POST /api/v1/conversations/{conversationId}/takeover",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/takeover",
							"{\"operatorId\": \"" + this.strangersOperator + "\"}")),
			Map.entry("POST /api/v1/conversations/{conversationId}/release",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/release", null)),
			Map.entry("GET /api/v1/issues/{issueId}",
					(key, id) -> get(key, "/api/v1/issues/" + owners(id, this.issueId))),
			Map.entry("PATCH /api/v1/issues/{issueId}",
					(key, id) -> patch(key, "/api/v1/issues/" + owners(id, this.issueId),
							"{\"statusCategory\": \"closed\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/issues",
					(key, id) -> get(key, "/api/v1/conversations/" + id + "/issues")),
			Map.entry("POST /api/v1/conversations/{conversationId}/issues",
					(key, id) -> post(key, "/api/v1/conversations/" + id + "/issues",
							"{\"issueId\": \"" + this.strangersIssueId + "\"}")),
			Map.entry("DELETE /api/v1/conversations/{conversationId}/issues/{issueId}",
					(key, id) -> send(key, "DELETE",
							"/api/v1/conversations/" + id + "/issues/" + owners(id, this.issueId), null)),
			Map.entry("GET /api/v1/issues/{issueId}/conversations",
					(key, id) -> get(key, "/api/v1/issues/" + owners(id, this.issueId) + "/conversations")),
			Map.entry("POST /api/v1/issues/{issueId}/conversations",
					(key, id) -> post(key, "/api/v1/issues/" + owners(id, this.issueId) + "/conversations",
							"{\"conversationId\": \"" + this.strangersConversationId + "\"}")),
			Map.entry("DELETE /api/v1/issues/{issueId}/conversations/{conversationId}",
					(key, id) -> send(key, "DELETE",
							"/api/v1/issues/" + owners(id, this.issueId) + "/conversations/" + id, null)),
			Map.entry("GET /api/v1/issues/{issueId}/notes",
					(key, id) -> get(key, "/api/v1/issues/" + owners(id, this.issueId) + "/notes")),
			Map.entry("POST /api/v1/issues/{issueId}/notes",
					(key, id) -> post(key, "/api/v1/issues/" + owners(id, this.issueId) + "/notes",
							"{\"body\": \"intrusion\"}")),
			Map.entry("GET /api/v1/issues/{issueId}/notes/{noteId}",
					(key, id) -> get(key,
							"/api/v1/issues/" + owners(id, this.issueId) + "/notes/" + owners(id, this.issueNoteId))),
			Map.entry("PATCH /api/v1/issues/{issueId}/notes/{noteId}",
					(key, id) -> patch(key,
							"/api/v1/issues/" + owners(id, this.issueId) + "/notes/" + owners(id, this.issueNoteId),
							"{\"body\": \"rewritten\"}")),
			Map.entry("DELETE /api/v1/issues/{issueId}/notes/{noteId}", (key, id) -> send(key, "DELETE",
					"/api/v1/issues/" + owners(id, this.issueId) + "/notes/" + owners(id, this.issueNoteId), null)),
			Map.entry("GET /api/v1/issues/{issueId}/external-links",
					(key, id) -> get(key, "/api/v1/issues/" + owners(id, this.issueId) + "/external-links")),
			Map.entry("POST /api/v1/issues/{issueId}/external-links",
					(key, id) -> post(key, "/api/v1/issues/" + owners(id, this.issueId) + "/external-links",
							"{\"provider\": \"jira\", \"key\": \"X-1\", \"url\": \"https://jira.example.com/X-1\"}")),
			Map.entry("GET /api/v1/issues/{issueId}/external-links/{linkId}",
					(key, id) -> get(key,
							"/api/v1/issues/" + owners(id, this.issueId) + "/external-links/"
									+ owners(id, this.externalLinkId))),
			Map.entry("PATCH /api/v1/issues/{issueId}/external-links/{linkId}",
					(key, id) -> patch(key,
							"/api/v1/issues/" + owners(id, this.issueId) + "/external-links/"
									+ owners(id, this.externalLinkId),
							"{\"status\": \"Done\"}")),
			Map.entry("DELETE /api/v1/issues/{issueId}/external-links/{linkId}",
					(key, id) -> send(key, "DELETE",
							"/api/v1/issues/" + owners(id, this.issueId) + "/external-links/"
									+ owners(id, this.externalLinkId),
							null)),
			Map.entry("GET /api/v1/webhooks/{webhookId}",
					(key, id) -> get(key, "/api/v1/webhooks/" + owners(id, this.webhookId))),
			Map.entry("PATCH /api/v1/webhooks/{webhookId}",
					(key, id) -> patch(key, "/api/v1/webhooks/" + owners(id, this.webhookId), "{\"enabled\": false}")),
			Map.entry("DELETE /api/v1/webhooks/{webhookId}",
					(key, id) -> send(key, "DELETE", "/api/v1/webhooks/" + owners(id, this.webhookId), null)),
			Map.entry("POST /api/v1/webhooks/{webhookId}/rotate-secret",
					(key, id) -> post(key, "/api/v1/webhooks/" + owners(id, this.webhookId) + "/rotate-secret", null)),
			Map.entry("POST /api/v1/webhooks/{webhookId}/test", (key, id) -> post(key,
					"/api/v1/webhooks/" + owners(id, this.webhookId) + "/test", null)),
			Map.entry("GET /api/v1/webhooks/{webhookId}/deliveries",
					(key, id) -> get(key, "/api/v1/webhooks/" + owners(id, this.webhookId) + "/deliveries")),
			Map.entry("POST /api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
					(key, id) -> post(key, "/api/v1/webhooks/" + owners(id, this.webhookId) + "/deliveries/"
							+ owners(id, this.deliveryId) + "/redeliver", null)));

	@BeforeEach
	void twoWorkspaces() {
		this.owner = newTenant();
		this.stranger = newTenant();
		this.conversationId = openConversation(this.owner, "cus_1", "Private matter");
		this.messageId = postMessage(this.owner, this.conversationId, "secret details");
		this.noteId = post(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/notes",
				"{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}, \"body\": \"private remark\"}")
			.json()
			.at("/note/id")
			.asString();
		this.issueId = post(this.owner.key(), "/api/v1/issues",
				"{\"subject\": \"Private bug\", \"sourceConversationId\": \"" + this.conversationId + "\"}")
			.json()
			.at("/issue/id")
			.asString();
		this.issueNoteId = post(this.owner.key(), "/api/v1/issues/" + this.issueId + "/notes",
				"{\"body\": \"internal\"}")
			.json()
			.at("/issueNote/id")
			.asString();
		this.externalLinkId = post(this.owner.key(), "/api/v1/issues/" + this.issueId + "/external-links",
				"{\"provider\": \"linear\", \"key\": \"ENG-1\", \"url\": \"https://linear.app/acme/issue/ENG-1\"}")
			.json()
			.at("/externalLink/id")
			.asString();
		this.operatorId = createPerson(this.owner, "Owner Operator");
		this.teamId = post(this.owner.key(), "/api/v1/teams",
				"{\"name\": \"Owners\", \"operatorIds\": [\"" + this.operatorId + "\"]}")
			.json()
			.at("/team/id")
			.asString();
		post(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/handoffs",
				"{\"reason\": \"Help\", \"requestedBy\": \"customer\"}");
		this.strangersOperator = createPerson(this.stranger, "Stranger Operator");
		this.webhookId = post(this.owner.key(), "/api/v1/webhooks",
				"{\"name\": \"Owner's hook\", \"url\": \"https://receiver.example.com/hooks\"}")
			.json()
			.at("/webhook/id")
			.asString();
		post(this.owner.key(), "/api/v1/webhooks/" + this.webhookId + "/test", null);
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
		this.deliveryId = "";
		while (this.deliveryId.isEmpty() && System.nanoTime() < deadline) {
			this.deliveryId = get(this.owner.key(), "/api/v1/webhooks/" + this.webhookId + "/deliveries").json()
				.at("/deliveries/0/id")
				.asString("");
		}
		assertThat(this.deliveryId).as("the owner's test delivery").isNotEmpty();
	}

	private String createPerson(Tenant tenant, String name) {
		return post(tenant.key(), "/api/v1/operators",
				"{\"name\": \"" + name + "\", \"email\": \"" + name.replace(' ', '.') + "@example.com\"}")
			.json()
			.at("/operator/id")
			.asString();
	}

	/**
	 * The owner's record when probing the owner's records, a missing id otherwise.
	 */
	private String owners(String probedId, String ownersRecord) {
		return probedId.equals(this.conversationId) ? ownersRecord : MISSING;
	}

	@Test
	void everyRouteWithAnIdAnswers404ForAnotherWorkspacesRecordExactlyAsForAMissingOne() {
		this.strangersConversationId = openConversation(this.stranger, "cus_2", "Own conversation");
		this.strangersIssueId = post(this.stranger.key(), "/api/v1/issues", "{\"subject\": \"Own issue\"}").json()
			.at("/issue/id")
			.asString();
		this.probes.forEach((route, probe) -> {
			Reply foreign = probe.apply(this.stranger.key(), this.conversationId);
			Reply missing = probe.apply(this.stranger.key(), MISSING);

			assertThat(foreign.status()).as(route).isEqualTo(404);
			assertThat(foreign.body()).as(route).isEqualTo(missing.body());
			assertThat(foreign.json().path("code").asString()).isEqualTo("not_found");
		});
		Reply ownersView = get(this.owner.key(), "/api/v1/conversations/" + this.conversationId);
		assertThat(ownersView.json().at("/conversation/status").asString()).isEqualTo("open");
		Reply ownersHook = get(this.owner.key(), "/api/v1/webhooks/" + this.webhookId);
		assertThat(ownersHook.json().at("/webhook/enabled").asBoolean()).isTrue();
		assertThat(ownersHook.json().at("/webhook/updatedAt").asString())
			.isEqualTo(ownersHook.json().at("/webhook/createdAt").asString());
		assertThat(
				get(this.owner.key(), "/api/v1/webhooks/" + this.webhookId + "/deliveries").json().path("deliveries"))
			.hasSize(1);
		assertThat(get(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/messages").json()
			.path("messages")).hasSize(1);
		Reply ownersNote = get(this.owner.key(),
				"/api/v1/conversations/" + this.conversationId + "/notes/" + this.noteId);
		assertThat(ownersNote.json().at("/note/body").asString()).isEqualTo("private remark");
		assertThat(
				get(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/notes").json().path("notes"))
			.hasSize(1);
		Reply issue = get(this.owner.key(), "/api/v1/issues/" + this.issueId);
		assertThat(issue.json().at("/issue/statusCategory").asString()).isEqualTo("new");
		assertThat(issue.json().at("/issue/updatedAt").asString())
			.isEqualTo(issue.json().at("/issue/createdAt").asString());
		assertThat(get(this.owner.key(), "/api/v1/issues/" + this.issueId + "/conversations").json()
			.at("/issueLinks/0/conversationId")
			.asString()).isEqualTo(this.conversationId);
		assertThat(get(this.owner.key(), "/api/v1/issues/" + this.issueId + "/notes").json().path("issueNotes"))
			.extracting((note) -> note.path("body").asString())
			.containsExactly("private remark", "internal");
		assertThat(get(this.owner.key(), "/api/v1/issues/" + this.issueId + "/external-links").json()
			.at("/externalLinks/0/status")
			.isNull()).isTrue();
		assertThat(get(this.stranger.key(), "/api/v1/issues/" + this.strangersIssueId + "/conversations").json()
			.path("issueLinks")).isEmpty();
		assertThat(
				get(this.owner.key(), "/api/v1/operators/" + this.operatorId).json().at("/operator/status").asString())
			.isEqualTo("active");
		assertThat(get(this.owner.key(), "/api/v1/teams/" + this.teamId).json().at("/team/operatorIds")).hasSize(1);
		assertThat(get(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/handling").json()
			.at("/handling/state")
			.asString()).isEqualTo("handoff_requested");
		assertThat(get(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/participants").json()
			.path("participants")).hasSize(1);
	}

	@Test
	void idsInBodiesThatNameAnotherWorkspacesRecordsAnswerExactlyAsMissingOnes() {
		String strangersTeam = post(this.stranger.key(), "/api/v1/teams",
				"{\"name\": \"Strangers\", \"operatorIds\": [\"" + this.strangersOperator + "\"]}")
			.json()
			.at("/team/id")
			.asString();
		String conversation = "/api/v1/conversations/" + this.conversationId;
		Map<String, BiFunction<String, String, Reply>> bodies = Map.of("assignment operatorId",
				(operator, team) -> send(this.owner.key(), "PUT", conversation + "/assignment",
						"{\"operatorId\": \"" + operator + "\"}"),
				"assignment teamId",
				(operator, team) -> send(
						this.owner.key(), "PUT", conversation + "/assignment", "{\"teamId\": \"" + team + "\"}"),
				"reply operatorId",
				(operator, team) -> post(this.owner.key(), conversation + "/replies",
						"{\"operatorId\": \"" + operator + "\", \"body\": \"x\"}"),
				"follower operatorId",
				(operator, team) -> post(
						this.owner.key(), conversation + "/participants", "{\"operatorId\": \"" + operator + "\"}"),
				"takeover operatorId",
				(operator, team) -> post(
						this.owner.key(), conversation + "/takeover", "{\"operatorId\": \"" + operator + "\"}"),
				"release operatorId",
				(operator, team) -> post(
						this.owner.key(), conversation + "/release", "{\"operatorId\": \"" + operator + "\"}"),
				"team operatorIds",
				(operator, team) -> post(this.owner.key(), "/api/v1/teams",
						"{\"name\": \"New\", \"operatorIds\": [\"" + operator + "\"]}"),
				"handoff teamId",
				(operator, team) -> post(this.owner.key(), conversation + "/handoffs",
						"{\"reason\": \"x\", \"requestedBy\": \"agent\", \"teamId\": \"" + team + "\"}"),
				"team member", (operator, team) -> send(this.owner.key(), "PUT",
						"/api/v1/teams/" + this.teamId + "/members/" + operator, null));

		bodies.forEach((field, probe) -> {
			Reply foreign = probe.apply(this.strangersOperator, strangersTeam);
			Reply missing = probe.apply(MISSING, MISSING);
			assertThat(foreign.status()).as(field).isEqualTo(404);
			assertThat(foreign.body()).as(field).isEqualTo(missing.body());
		});
		assertThat(get(this.owner.key(), conversation + "/assignment").json().at("/assignment/operatorId").isNull())
			.isTrue();
		assertThat(get(this.owner.key(), conversation + "/handling").json().at("/handling/state").asString())
			.isEqualTo("handoff_requested");
	}

	@Test
	void aDeliveryIdOfAnotherWorkspaceIsNotFoundUnderTheCallersOwnWebhook() {
		String ownHook = post(this.stranger.key(), "/api/v1/webhooks",
				"{\"name\": \"Own\", \"url\": \"https://receiver.example.com/own\"}")
			.json()
			.at("/webhook/id")
			.asString();
		Reply foreign = post(this.stranger.key(),
				"/api/v1/webhooks/" + ownHook + "/deliveries/" + this.deliveryId + "/redeliver", null);
		Reply missing = post(this.stranger.key(),
				"/api/v1/webhooks/" + ownHook + "/deliveries/" + MISSING + "/redeliver", null);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.body()).isEqualTo(missing.body());
		assertThat(get(this.stranger.key(), "/api/v1/webhooks").json().path("webhooks")).hasSize(1);
	}

	@Test
	void everyApiRouteWithAPathIdHasAProbe() {
		Set<String> routesWithIds = new TreeSet<>();
		this.routes.getHandlerMethods().keySet().forEach((mapping) -> mapping.getPatternValues().forEach((pattern) -> {
			if (pattern.startsWith("/api/") && pattern.contains("{")) {
				mapping.getMethodsCondition()
					.getMethods()
					.forEach((method) -> routesWithIds.add(method.name() + " " + pattern));
			}
		}));

		assertThat(this.probes.keySet()).containsExactlyInAnyOrderElementsOf(routesWithIds);
	}

	@Test
	void listsNeverShowAnotherWorkspacesConversations() {
		assertThat(get(this.stranger.key(), "/api/v1/conversations").json().path("conversations")).isEmpty();
		assertThat(get(this.stranger.key(), "/api/v1/conversations?customerId=cus_1").json().path("conversations"))
			.isEmpty();
	}

	@Test
	void cursorsFromAnotherWorkspaceAreRefusedLikeUnknownOnes() {
		Reply foreign = get(this.stranger.key(), "/api/v1/conversations?startingAfter=" + this.conversationId);
		Reply missing = get(this.stranger.key(), "/api/v1/conversations?startingAfter=" + MISSING);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).isEqualTo(missing.body());

		String strangersConversation = openConversation(this.stranger, "cus_2", "Own");
		Reply foreignMessage = get(this.stranger.key(),
				"/api/v1/conversations/" + strangersConversation + "/messages?startingAfter=" + this.messageId);
		Reply missingMessage = get(this.stranger.key(),
				"/api/v1/conversations/" + strangersConversation + "/messages?startingAfter=" + MISSING);
		assertThat(foreignMessage.status()).isEqualTo(400);
		assertThat(foreignMessage.body()).isEqualTo(missingMessage.body());

		String strangersNotes = "/api/v1/conversations/" + strangersConversation + "/notes?startingAfter=";
		Reply foreignNote = get(this.stranger.key(), strangersNotes + this.noteId);
		assertThat(foreignNote.status()).isEqualTo(400);
		assertThat(foreignNote.body()).isEqualTo(get(this.stranger.key(), strangersNotes + MISSING).body());
		String strangersTimeline = "/api/v1/conversations/" + strangersConversation + "/timeline?startingAfter=";
		for (String foreignItem : new String[] { this.noteId, this.messageId }) {
			Reply foreignCursor = get(this.stranger.key(), strangersTimeline + foreignItem);
			assertThat(foreignCursor.status()).isEqualTo(400);
			assertThat(foreignCursor.body()).isEqualTo(get(this.stranger.key(), strangersTimeline + MISSING).body());
		}
	}

}

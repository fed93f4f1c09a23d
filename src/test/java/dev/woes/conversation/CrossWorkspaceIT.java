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

	/**
	 * The ids a probe aims at: the owner's records, or ids nobody has.
	 */
	private record Target(String conversation, String operator, String team) {
	}

	/**
	 * One probe per route with an id: the stranger's request for the owner's record. Ids
	 * in bodies name the stranger's own records, so only the path id can fail.
	 */
	private final Map<String, BiFunction<String, Target, Reply>> probes = Map.ofEntries(
			Map.entry("GET /api/v1/conversations/{conversationId}",
					(key, id) -> get(key, "/api/v1/conversations/" + id.conversation())),
			Map.entry("PATCH /api/v1/conversations/{conversationId}",
					(key, id) -> patch(key, "/api/v1/conversations/" + id.conversation(), "{\"status\": \"solved\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/messages",
					(key, id) -> get(key, conversationPath(id, "/messages"))),
			Map.entry("POST /api/v1/conversations/{conversationId}/messages",
					(key, id) -> post(key, conversationPath(id, "/messages"), "{\"body\": \"intrusion\"}")),
			Map.entry("GET /api/v1/operators/{operatorId}",
					(key, id) -> get(key, "/api/v1/operators/" + id.operator())),
			Map.entry("PATCH /api/v1/operators/{operatorId}",
					(key, id) -> patch(key, "/api/v1/operators/" + id.operator(), "{\"status\": \"away\"}")),
			Map.entry("DELETE /api/v1/operators/{operatorId}",
					(key, id) -> send(key, "DELETE", "/api/v1/operators/" + id.operator(), null)),
			Map.entry("GET /api/v1/teams/{teamId}", (key, id) -> get(key, "/api/v1/teams/" + id.team())),
			Map.entry("PATCH /api/v1/teams/{teamId}",
					(key, id) -> patch(key, "/api/v1/teams/" + id.team(), "{\"name\": \"Taken\"}")),
			Map.entry("DELETE /api/v1/teams/{teamId}",
					(key, id) -> send(key, "DELETE", "/api/v1/teams/" + id.team(), null)),
			Map.entry("PUT /api/v1/teams/{teamId}/members/{operatorId}",
					(key, id) -> send(key, "PUT", "/api/v1/teams/" + id.team() + "/members/" + id.operator(), null)),
			Map.entry("DELETE /api/v1/teams/{teamId}/members/{operatorId}",
					(key, id) -> send(key, "DELETE", "/api/v1/teams/" + id.team() + "/members/" + id.operator(), null)),
			Map.entry("GET /api/v1/conversations/{conversationId}/assignment",
					(key, id) -> get(key, conversationPath(id, "/assignment"))),
			Map.entry("PUT /api/v1/conversations/{conversationId}/assignment",
					(key, id) -> send(key, "PUT", conversationPath(id, "/assignment"),
							"{\"operatorId\": \"" + this.strangersOperator + "\"}")),
			Map.entry("DELETE /api/v1/conversations/{conversationId}/assignment",
					(key, id) -> send(key, "DELETE", conversationPath(id, "/assignment"), null)),
			Map.entry("POST /api/v1/conversations/{conversationId}/replies",
					(key, id) -> post(key, conversationPath(id, "/replies"),
							"{\"operatorId\": \"" + this.strangersOperator + "\", \"body\": \"intrusion\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/participants",
					(key, id) -> get(key, conversationPath(id, "/participants"))),
			Map.entry("POST /api/v1/conversations/{conversationId}/participants",
					(key, id) -> post(key, conversationPath(id, "/participants"),
							"{\"operatorId\": \"" + this.strangersOperator + "\"}")),
			Map.entry("DELETE /api/v1/conversations/{conversationId}/participants/{operatorId}",
					(key, id) -> send(key, "DELETE", conversationPath(id, "/participants/" + id.operator()), null)),
			Map.entry("GET /api/v1/conversations/{conversationId}/handoffs",
					(key, id) -> get(key, conversationPath(id, "/handoffs"))),
			Map.entry("POST /api/v1/conversations/{conversationId}/handoffs",
					(key, id) -> post(key, conversationPath(id, "/handoffs"),
							"{\"reason\": \"intrusion\", \"requestedBy\": \"agent\"}")),
			Map.entry("GET /api/v1/conversations/{conversationId}/handling",
					(key, id) -> get(key, conversationPath(id, "/handling"))),
			Map.entry("POST /api/v1/conversations/{conversationId}/takeover",
					(key, id) -> post(key, conversationPath(id, "/takeover"),
							"{\"operatorId\": \"" + this.strangersOperator + "\"}")),
			Map.entry("POST /api/v1/conversations/{conversationId}/release",
					(key, id) -> post(key, conversationPath(id, "/release"), null)));

	private String strangersOperator;

	private String operatorId;

	private String teamId;

	@BeforeEach
	void twoWorkspaces() {
		this.owner = newTenant();
		this.stranger = newTenant();
		this.conversationId = openConversation(this.owner, "cus_1", "Private matter");
		this.messageId = postMessage(this.owner, this.conversationId, "secret details");
		this.operatorId = createPerson(this.owner, "Owner Operator");
		this.teamId = post(this.owner.key(), "/api/v1/teams",
				"{\"name\": \"Owners\", \"operatorIds\": [\"" + this.operatorId + "\"]}")
			.json()
			.at("/team/id")
			.asString();
		post(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/handoffs",
				"{\"reason\": \"Help\", \"requestedBy\": \"customer\"}");
		this.strangersOperator = createPerson(this.stranger, "Stranger Operator");
	}

	private String createPerson(Tenant tenant, String name) {
		return post(tenant.key(), "/api/v1/operators",
				"{\"name\": \"" + name + "\", \"email\": \"" + name.replace(' ', '.') + "@example.com\"}")
			.json()
			.at("/operator/id")
			.asString();
	}

	private static String conversationPath(Target id, String sub) {
		return "/api/v1/conversations/" + id.conversation() + sub;
	}

	@Test
	void everyRouteWithAnIdAnswers404ForAnotherWorkspacesRecordExactlyAsForAMissingOne() {
		this.probes.forEach((route, probe) -> {
			Reply foreign = probe.apply(this.stranger.key(),
					new Target(this.conversationId, this.operatorId, this.teamId));
			Reply missing = probe.apply(this.stranger.key(), new Target(MISSING, MISSING, MISSING));

			assertThat(foreign.status()).as(route).isEqualTo(404);
			assertThat(foreign.body()).as(route).isEqualTo(missing.body());
			assertThat(foreign.json().path("code").asString()).isEqualTo("not_found");
		});
		Reply ownersView = get(this.owner.key(), "/api/v1/conversations/" + this.conversationId);
		assertThat(ownersView.json().at("/conversation/status").asString()).isEqualTo("open");
		assertThat(get(this.owner.key(), "/api/v1/conversations/" + this.conversationId + "/messages").json()
			.path("messages")).hasSize(1);
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
	}

}

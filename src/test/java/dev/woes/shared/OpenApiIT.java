package dev.woes.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document agrees with the contract: the same routes and, for every
 * documented schema, exactly the contract's field names.
 */
class OpenApiIT extends ApiTest {

	/**
	 * The contract's schemas and their fields, as the contract lists them.
	 */
	private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
			Map.entry("Conversation",
					List.of("object", "id", "channel", "status", "priority", "subject", "preview", "customer",
							"createdAt", "updatedAt", "lastMessageAt", "closedAt")),
			Map.entry("Customer", List.of("id", "name", "email", "company", "identitySource")),
			Map.entry("ConversationResponse", List.of("conversation")),
			Map.entry("ConversationListResponse", List.of("object", "hasMore", "conversations")),
			Map.entry("CreateConversationRequest", List.of("customer", "subject", "externalId", "channel", "priority")),
			Map.entry("UpdateConversationRequest", List.of("status", "priority", "subject")),
			Map.entry("Message",
					List.of("object", "id", "conversationId", "role", "body", "deliveryStatus", "createdAt")),
			Map.entry("MessageResponse", List.of("message")),
			Map.entry("MessageListResponse", List.of("object", "messages")),
			Map.entry("CreateMessageRequest", List.of("body", "role")),
			Map.entry("ErrorResponse", List.of("code", "error")),
			Map.entry("Operator", List.of("object", "id", "name", "email", "role", "status", "createdAt", "updatedAt")),
			Map.entry("OperatorResponse", List.of("operator")),
			Map.entry("OperatorListResponse", List.of("object", "hasMore", "operators")),
			Map.entry("CreateOperatorRequest", List.of("name", "email", "role", "status")),
			Map.entry("UpdateOperatorRequest", List.of("name", "email", "role", "status")),
			Map.entry("Team", List.of("object", "id", "name", "operatorIds", "createdAt", "updatedAt")),
			Map.entry("TeamResponse", List.of("team")),
			Map.entry("TeamListResponse", List.of("object", "hasMore", "teams")),
			Map.entry("CreateTeamRequest", List.of("name", "operatorIds")),
			Map.entry("UpdateTeamRequest", List.of("name")),
			Map.entry("Assignment", List.of("object", "conversationId", "operatorId", "teamId", "assignedAt")),
			Map.entry("AssignmentResponse", List.of("assignment")),
			Map.entry("AssignConversationRequest", List.of("operatorId", "teamId")),
			Map.entry("CreateReplyRequest", List.of("operatorId", "body")),
			Map.entry("Participant", List.of("object", "type", "id", "follower", "joinedAt", "lastActiveAt")),
			Map.entry("ParticipantResponse", List.of("participant")),
			Map.entry("ParticipantListResponse", List.of("object", "hasMore", "participants")),
			Map.entry("AddParticipantRequest", List.of("operatorId")),
			Map.entry("Handoff",
					List.of("object", "id", "conversationId", "state", "reason", "requestedBy", "teamId", "requestedAt",
							"takenOverAt", "takenOverBy", "releasedAt")),
			Map.entry("HandoffResponse", List.of("handoff")),
			Map.entry("HandoffListResponse", List.of("object", "hasMore", "handoffs")),
			Map.entry("CreateHandoffRequest", List.of("reason", "requestedBy", "teamId")),
			Map.entry("OperatorActionRequest", List.of("operatorId")),
			Map.entry("Handling", List.of("object", "conversationId", "state", "handoffId", "operatorId")),
			Map.entry("HandlingResponse", List.of("handling")));

	@Test
	void documentsExactlyTheContractsFieldsForEverySchema() {
		JsonNode schemas = document().at("/components/schemas");

		assertThat(names(schemas)).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
		CONTRACT.forEach((schema, fields) -> assertThat(names(schemas.path(schema).path("properties"))).as(schema)
			.containsExactlyInAnyOrderElementsOf(fields));
		assertThat(names(schemas.path("Conversation").path("required").valueStream().toList()))
			.containsExactlyInAnyOrderElementsOf(CONTRACT.get("Conversation"));
	}

	@Test
	void documentsEveryRouteAndNothingElse() {
		JsonNode paths = document().path("paths");
		Set<String> operations = new TreeSet<>();
		paths.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> operations.add(method.toUpperCase() + " " + path.getKey())));

		assertThat(operations).containsExactlyInAnyOrder("GET /api/v1/conversations", "POST /api/v1/conversations",
				"GET /api/v1/conversations/{conversationId}", "PATCH /api/v1/conversations/{conversationId}",
				"GET /api/v1/conversations/{conversationId}/messages",
				"POST /api/v1/conversations/{conversationId}/messages", "GET /api/v1/operators",
				"POST /api/v1/operators", "GET /api/v1/operators/{operatorId}", "PATCH /api/v1/operators/{operatorId}",
				"DELETE /api/v1/operators/{operatorId}", "GET /api/v1/teams", "POST /api/v1/teams",
				"GET /api/v1/teams/{teamId}", "PATCH /api/v1/teams/{teamId}", "DELETE /api/v1/teams/{teamId}",
				"PUT /api/v1/teams/{teamId}/members/{operatorId}", "DELETE /api/v1/teams/{teamId}/members/{operatorId}",
				"GET /api/v1/conversations/{conversationId}/assignment",
				"PUT /api/v1/conversations/{conversationId}/assignment",
				"DELETE /api/v1/conversations/{conversationId}/assignment",
				"POST /api/v1/conversations/{conversationId}/replies",
				"GET /api/v1/conversations/{conversationId}/participants",
				"POST /api/v1/conversations/{conversationId}/participants",
				"DELETE /api/v1/conversations/{conversationId}/participants/{operatorId}",
				"GET /api/v1/conversations/{conversationId}/handoffs",
				"POST /api/v1/conversations/{conversationId}/handoffs",
				"GET /api/v1/conversations/{conversationId}/handling",
				"POST /api/v1/conversations/{conversationId}/takeover",
				"POST /api/v1/conversations/{conversationId}/release", "GET /api/v1/handoffs");
		assertThat(document().at("/components/securitySchemes/workspaceApiKey/scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void servesABrowsableDocsPage() {
		Reply docs = get(null, "/docs");
		assertThat(docs.status()).isIn(200, 302);
		Reply page = get(null, "/swagger-ui/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Swagger UI");
	}

	private JsonNode document() {
		Reply reply = get(null, "/openapi.json");
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	private static Set<String> names(JsonNode object) {
		return new TreeSet<>(object.propertyNames());
	}

	private static Set<String> names(List<JsonNode> values) {
		return new TreeSet<>(values.stream().map(JsonNode::asString).toList());
	}

}

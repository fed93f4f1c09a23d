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
			Map.entry("Event", List.of("object", "id", "type", "createdAt", "actor", "data")),
			Map.entry("EventActor", List.of("type", "id")),
			Map.entry("EventListResponse", List.of("object", "hasMore", "events")));

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
				"POST /api/v1/conversations/{conversationId}/messages", "GET /api/v1/events",
				"GET /api/v1/events/stream");
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

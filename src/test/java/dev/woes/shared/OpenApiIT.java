package dev.woes.shared;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document agrees with the contract: the same routes and, for every
 * documented schema, exactly the contract's field names.
 */
class OpenApiIT extends ApiTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMappings;

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
			Map.entry("StatusDefinition",
					List.of("object", "id", "label", "lifecycle", "enabled", "rank", "tone", "color")),
			Map.entry("StatusResponse", List.of("status")),
			Map.entry("StatusListResponse", List.of("object", "hasMore", "statuses")),
			Map.entry("CreateStatusRequest", List.of("label", "lifecycle", "enabled", "rank", "tone", "color")),
			Map.entry("UpdateStatusRequest", List.of("label", "enabled", "rank", "tone", "color")),
			Map.entry("PriorityDefinition",
					List.of("object", "id", "label", "enabled", "highlightInQueue", "rank", "tone", "color")),
			Map.entry("PriorityResponse", List.of("priority")),
			Map.entry("PriorityListResponse", List.of("object", "hasMore", "priorities")),
			Map.entry("CreatePriorityRequest",
					List.of("label", "enabled", "highlightInQueue", "rank", "tone", "color")),
			Map.entry("UpdatePriorityRequest",
					List.of("label", "enabled", "highlightInQueue", "rank", "tone", "color")),
			Map.entry("Tag", List.of("object", "id", "name", "scope", "color", "description")),
			Map.entry("TagResponse", List.of("tag")),
			Map.entry("TagListResponse", List.of("object", "hasMore", "tags")),
			Map.entry("CreateTagRequest", List.of("name", "scope", "color", "description")),
			Map.entry("UpdateTagRequest", List.of("name", "scope", "color", "description")),
			Map.entry("CustomFieldDefinition",
					List.of("object", "id", "label", "type", "enabled", "fillMode", "description", "options")),
			Map.entry("CustomFieldResponse", List.of("customField")),
			Map.entry("CustomFieldListResponse", List.of("object", "hasMore", "customFields")),
			Map.entry("CreateCustomFieldRequest",
					List.of("label", "type", "enabled", "fillMode", "description", "options")),
			Map.entry("UpdateCustomFieldRequest", List.of("label", "enabled", "fillMode", "description", "options")),
			Map.entry("ConversationLabel", List.of("object", "conversationId", "status", "label", "snoozedUntil")),
			Map.entry("ConversationLabelResponse", List.of("conversationLabel")),
			Map.entry("SetConversationLabelRequest", List.of("statusId", "snoozedUntil")),
			Map.entry("ConversationTagListResponse", List.of("object", "hasMore", "tags")),
			Map.entry("AddConversationTagRequest", List.of("name")),
			Map.entry("ReplaceConversationTagsRequest", List.of("names")),
			Map.entry("CustomFieldValues", List.of("object", "conversationId", "values")),
			Map.entry("CustomFieldValuesResponse", List.of("customFieldValues")),
			Map.entry("Note",
					List.of("object", "id", "conversationId", "author", "body", "mentions", "createdAt", "updatedAt")),
			Map.entry("NoteAuthor", List.of("type", "id", "name")), Map.entry("NoteResponse", List.of("note")),
			Map.entry("NoteListResponse", List.of("object", "hasMore", "notes")),
			Map.entry("CreateNoteRequest", List.of("author", "body")), Map.entry("UpdateNoteRequest", List.of("body")),
			Map.entry("TimelineListResponse", List.of("object", "hasMore", "items")),
			Map.entry("TimelineItem", List.of("object", "id", "type", "at", "actor", "message", "note", "change")),
			Map.entry("TimelineActor", List.of("type", "id", "name")),
			Map.entry("TimelineMessage",
					List.of("object", "id", "conversationId", "role", "body", "deliveryStatus", "createdAt")),
			Map.entry("TimelineNote",
					List.of("object", "id", "conversationId", "body", "mentions", "createdAt", "updatedAt")),
			Map.entry("TimelineChange", List.of("type", "data")),
			Map.entry("Issue",
					List.of("object", "id", "subject", "preview", "description", "statusCategory", "priority", "tags",
							"customer", "source", "createdAt", "updatedAt", "lastActivityAt", "closedAt")),
			Map.entry("IssueCustomer", List.of("name", "email", "company")),
			Map.entry("IssueSource", List.of("channel", "conversationId")),
			Map.entry("IssueResponse", List.of("issue")),
			Map.entry("IssueListResponse", List.of("object", "hasMore", "issues")),
			Map.entry("CreateIssueRequest",
					List.of("subject", "description", "priority", "statusCategory", "tags", "customer",
							"sourceConversationId", "sourceChannel")),
			Map.entry("UpdateIssueRequest",
					List.of("subject", "description", "priority", "statusCategory", "tags", "customer")),
			Map.entry("IssueLink", List.of("object", "issueId", "conversationId", "linkedAt")),
			Map.entry("IssueLinkResponse", List.of("issueLink")),
			Map.entry("IssueLinkListResponse", List.of("object", "hasMore", "issueLinks")),
			Map.entry("LinkIssueRequest", List.of("issueId")),
			Map.entry("LinkConversationRequest", List.of("conversationId")),
			Map.entry("IssueNote",
					List.of("object", "id", "issueId", "authorId", "body", "sourceConversationId", "createdAt",
							"updatedAt")),
			Map.entry("IssueNoteResponse", List.of("issueNote")),
			Map.entry("IssueNoteListResponse", List.of("object", "hasMore", "issueNotes")),
			Map.entry("CreateIssueNoteRequest", List.of("body", "authorId")),
			Map.entry("UpdateIssueNoteRequest", List.of("body")),
			Map.entry("ExternalLink",
					List.of("object", "id", "issueId", "provider", "key", "url", "status", "createdAt", "updatedAt")),
			Map.entry("ExternalLinkResponse", List.of("externalLink")),
			Map.entry("ExternalLinkListResponse", List.of("object", "hasMore", "externalLinks")),
			Map.entry("CreateExternalLinkRequest", List.of("provider", "key", "url", "status")),
			Map.entry("UpdateExternalLinkRequest", List.of("key", "url", "status")),
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
			Map.entry("HandlingResponse", List.of("handling")),
			Map.entry("Event", List.of("object", "id", "type", "createdAt", "actor", "data")),
			Map.entry("EventActor", List.of("type", "id")),
			Map.entry("EventListResponse", List.of("object", "hasMore", "events")),
			Map.entry("Webhook",
					List.of("object", "id", "name", "url", "events", "enabled", "disabledReason", "secret", "createdAt",
							"updatedAt")),
			Map.entry("WebhookResponse", List.of("webhook")),
			Map.entry("WebhookListResponse", List.of("object", "hasMore", "webhooks")),
			Map.entry("CreateWebhookRequest", List.of("name", "url", "events", "enabled")),
			Map.entry("UpdateWebhookRequest", List.of("name", "url", "events", "enabled")),
			Map.entry("WebhookDelivery",
					List.of("object", "id", "webhookId", "eventId", "eventType", "state", "attempts", "statusCode",
							"responseExcerpt", "error", "lastAttemptAt", "nextAttemptAt", "createdAt", "completedAt")),
			Map.entry("WebhookDeliveryResponse", List.of("delivery")),
			Map.entry("WebhookDeliveryListResponse", List.of("object", "hasMore", "deliveries")),
			Map.entry("WebhookTestResponse", List.of("webhookTest")),
			Map.entry("WebhookTest", List.of("object", "webhookId", "eventId", "createdAt")));

	@Test
	void documentsExactlyTheContractsFieldsForEverySchema() {
		JsonNode schemas = document().at("/components/schemas");

		assertThat(names(schemas)).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
		CONTRACT.forEach((schema, fields) -> assertThat(names(schemas.path(schema).path("properties"))).as(schema)
			.containsExactlyInAnyOrderElementsOf(fields));
		assertThat(names(schemas.path("Conversation").path("required").valueStream().toList()))
			.containsExactlyInAnyOrderElementsOf(CONTRACT.get("Conversation"));
		assertThat(names(schemas.path("Issue").path("required").valueStream().toList()))
			.containsExactlyInAnyOrderElementsOf(CONTRACT.get("Issue"));
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
				"POST /api/v1/conversations/{conversationId}/messages",
				"GET /api/v1/conversations/{conversationId}/status",
				"PUT /api/v1/conversations/{conversationId}/status", "GET /api/v1/conversations/{conversationId}/tags",
				"POST /api/v1/conversations/{conversationId}/tags", "PUT /api/v1/conversations/{conversationId}/tags",
				"DELETE /api/v1/conversations/{conversationId}/tags/{tagId}",
				"GET /api/v1/conversations/{conversationId}/custom-fields",
				"PATCH /api/v1/conversations/{conversationId}/custom-fields", "GET /api/v1/statuses",
				"POST /api/v1/statuses", "GET /api/v1/statuses/{statusId}", "PATCH /api/v1/statuses/{statusId}",
				"DELETE /api/v1/statuses/{statusId}", "GET /api/v1/priorities", "POST /api/v1/priorities",
				"GET /api/v1/priorities/{priorityId}", "PATCH /api/v1/priorities/{priorityId}",
				"DELETE /api/v1/priorities/{priorityId}", "GET /api/v1/tags", "POST /api/v1/tags",
				"GET /api/v1/tags/{tagId}", "PATCH /api/v1/tags/{tagId}", "DELETE /api/v1/tags/{tagId}",
				"GET /api/v1/custom-fields", "POST /api/v1/custom-fields", "GET /api/v1/custom-fields/{customFieldId}",
				"PATCH /api/v1/custom-fields/{customFieldId}", "DELETE /api/v1/custom-fields/{customFieldId}",
				"GET /api/v1/conversations/{conversationId}/notes", "POST /api/v1/conversations/{conversationId}/notes",
				"GET /api/v1/conversations/{conversationId}/notes/{noteId}",
				"PATCH /api/v1/conversations/{conversationId}/notes/{noteId}",
				"DELETE /api/v1/conversations/{conversationId}/notes/{noteId}",
				"GET /api/v1/conversations/{conversationId}/timeline", "GET /api/v1/issues", "POST /api/v1/issues",
				"GET /api/v1/issues/{issueId}", "PATCH /api/v1/issues/{issueId}",
				"GET /api/v1/conversations/{conversationId}/issues",
				"POST /api/v1/conversations/{conversationId}/issues",
				"DELETE /api/v1/conversations/{conversationId}/issues/{issueId}",
				"GET /api/v1/issues/{issueId}/conversations", "POST /api/v1/issues/{issueId}/conversations",
				"DELETE /api/v1/issues/{issueId}/conversations/{conversationId}", "GET /api/v1/issues/{issueId}/notes",
				"POST /api/v1/issues/{issueId}/notes", "GET /api/v1/issues/{issueId}/notes/{issueNoteId}",
				"PATCH /api/v1/issues/{issueId}/notes/{issueNoteId}",
				"DELETE /api/v1/issues/{issueId}/notes/{issueNoteId}", "GET /api/v1/issues/{issueId}/external-links",
				"POST /api/v1/issues/{issueId}/external-links",
				"GET /api/v1/issues/{issueId}/external-links/{externalLinkId}",
				"PATCH /api/v1/issues/{issueId}/external-links/{externalLinkId}",
				"DELETE /api/v1/issues/{issueId}/external-links/{externalLinkId}", "GET /api/v1/operators",
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
				"POST /api/v1/conversations/{conversationId}/release", "GET /api/v1/handoffs", "GET /api/v1/events",
				"GET /api/v1/events/stream", "GET /api/v1/webhooks", "POST /api/v1/webhooks",
				"GET /api/v1/webhooks/{webhookId}", "PATCH /api/v1/webhooks/{webhookId}",
				"DELETE /api/v1/webhooks/{webhookId}", "POST /api/v1/webhooks/{webhookId}/rotate-secret",
				"POST /api/v1/webhooks/{webhookId}/test", "GET /api/v1/webhooks/{webhookId}/deliveries",
				"POST /api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver");
		assertThat(document().at("/components/securitySchemes/workspaceApiKey/scheme").asString()).isEqualTo("bearer");
	}

	@Test
	void theRouteTableIsExactlyTheDocumentedOperations() {
		Set<String> routes = new TreeSet<>();
		this.handlerMappings.getHandlerMethods()
			.keySet()
			.forEach((mapping) -> mapping.getPatternValues().forEach((pattern) -> {
				if (pattern.startsWith("/api/")) {
					Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
					assertThat(methods).as("a route under /api without an HTTP method: " + pattern).isNotEmpty();
					methods.forEach((method) -> routes.add(method.name() + " " + pattern.replaceAll(":[^}]*}", "}")));
				}
			}));
		Set<String> documented = new TreeSet<>();
		document().path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> documented.add(method.toUpperCase() + " " + path.getKey())));

		assertThat(documented).as("documented operations, against the handler mappings under /api")
			.containsExactlyElementsOf(routes);
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

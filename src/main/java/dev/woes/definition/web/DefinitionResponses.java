package dev.woes.definition.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Single definitions come back wrapped in their name; lists are whole (a workspace holds
 * a bounded number of each kind), so {@code hasMore} is always false.
 */
final class DefinitionResponses {

	private DefinitionResponses() {
	}

	@Schema(name = "StatusResponse", requiredProperties = "status")
	record StatusResponse(DefinitionJson.Status status) {
	}

	@Schema(name = "StatusListResponse", requiredProperties = { "object", "hasMore", "statuses" })
	record StatusListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
			List<DefinitionJson.Status> statuses) {
	}

	@Schema(name = "PriorityResponse", requiredProperties = "priority")
	record PriorityResponse(DefinitionJson.Priority priority) {
	}

	@Schema(name = "PriorityListResponse", requiredProperties = { "object", "hasMore", "priorities" })
	record PriorityListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
			List<DefinitionJson.Priority> priorities) {
	}

	@Schema(name = "TagResponse", requiredProperties = "tag")
	record TagResponse(DefinitionJson.Tag tag) {
	}

	@Schema(name = "TagListResponse", requiredProperties = { "object", "hasMore", "tags" })
	record TagListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
			List<DefinitionJson.Tag> tags) {
	}

	@Schema(name = "CustomFieldResponse", requiredProperties = "customField")
	record CustomFieldResponse(DefinitionJson.CustomField customField) {
	}

	@Schema(name = "CustomFieldListResponse", requiredProperties = { "object", "hasMore", "customFields" })
	record CustomFieldListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
			List<DefinitionJson.CustomField> customFields) {
	}

}

package dev.woes.triage.web;

import java.util.List;
import java.util.Map;

import dev.woes.definition.StatusDefinition;
import dev.woes.definition.TagDefinition;
import dev.woes.shared.Timestamps;
import dev.woes.triage.ConversationLabel;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The triage views of a conversation. Status and tag objects have exactly the fields of
 * the definitions API.
 */
final class TriageJson {

	private TriageJson() {
	}

	@Schema(name = "ConversationLabel",
			requiredProperties = { "object", "conversationId", "status", "label", "snoozedUntil" })
	record Label(@Schema(allowableValues = "conversation_label") String object, String conversationId,
			@Schema(allowableValues = {
					"open", "waiting", "solved" }) String status,
			Status label, @Schema(format = "date-time", nullable = true) String snoozedUntil){

		static Label of(ConversationLabel label) {
			return new Label("conversation_label", label.conversationId().toString(), label.status().wireName(),
					Status.of(label.label()), Timestamps.format(label.snoozedUntil()));
		}

	}

	@Schema(name = "ConversationLabelResponse", requiredProperties = "conversationLabel")
	record LabelResponse(Label conversationLabel) {
	}

	@Schema(name = "StatusDefinition",
			requiredProperties = { "object", "id", "label", "lifecycle", "enabled", "rank", "tone", "color" })
	record Status(@Schema(allowableValues = "status") String object, String id, String label,
			@Schema(allowableValues = {
					"open", "waiting", "solved" }) String lifecycle,
			boolean enabled, int rank, String tone, String color){

		static Status of(StatusDefinition status) {
			return new Status("status", status.id().toString(), status.label(), status.lifecycle().wireName(),
					status.enabled(), status.rank(), status.tone(), status.color());
		}

	}

	@Schema(name = "Tag", requiredProperties = { "object", "id", "name", "scope", "color", "description" })
	record Tag(@Schema(allowableValues = "tag") String object, String id, String name, @Schema(allowableValues = {
			"issue", "account" }) String scope, String color, String description){

		static Tag of(TagDefinition tag) {
			return new Tag("tag", tag.id().toString(), tag.name(), tag.scope().wireName(), tag.color(),
					tag.description());
		}

	}

	@Schema(name = "ConversationTagListResponse", requiredProperties = { "object", "hasMore", "tags" })
	record TagList(@Schema(allowableValues = "list") String object, boolean hasMore, List<Tag> tags) {

		static TagList of(List<TagDefinition> tags) {
			return new TagList("list", false, tags.stream().map(Tag::of).toList());
		}

	}

	@Schema(name = "CustomFieldValues", requiredProperties = { "object", "conversationId", "values" })
	record FieldValues(@Schema(allowableValues = "custom_field_values") String object, String conversationId,
			@Schema(description = "Custom field id to value") Map<String, Object> values) {
	}

	@Schema(name = "CustomFieldValuesResponse", requiredProperties = "customFieldValues")
	record FieldValuesResponse(FieldValues customFieldValues) {
	}

}

package dev.woes.definition.web;

import java.util.List;

import dev.woes.definition.CustomFieldDefinition;
import dev.woes.definition.PriorityDefinition;
import dev.woes.definition.StatusDefinition;
import dev.woes.definition.TagDefinition;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The definition objects of the API, exactly as the contract lists their fields.
 */
final class DefinitionJson {

	private DefinitionJson() {
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

	@Schema(name = "PriorityDefinition",
			requiredProperties = { "object", "id", "label", "enabled", "highlightInQueue", "rank", "tone", "color" })
	record Priority(@Schema(allowableValues = "priority") String object, String id, String label, boolean enabled,
			boolean highlightInQueue, int rank, String tone, String color) {

		static Priority of(PriorityDefinition priority) {
			return new Priority("priority", priority.id().toString(), priority.label(), priority.enabled(),
					priority.highlightInQueue(), priority.rank(), priority.tone(), priority.color());
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

	@Schema(name = "CustomFieldDefinition",
			requiredProperties = { "object", "id", "label", "type", "enabled", "fillMode", "description", "options" })
	record CustomField(@Schema(allowableValues = "custom_field") String object, String id, String label,
			@Schema(allowableValues = {
					"text", "number", "decimal", "select", "multi-select", "boolean", "date", "url" }) String type,
			boolean enabled, @Schema(allowableValues = { "operator", "customer", "automation" }) String fillMode,
			String description, List<String> options){

		static CustomField of(CustomFieldDefinition field) {
			return new CustomField("custom_field", field.id().toString(), field.label(), field.type().wireName(),
					field.enabled(), field.fillMode(), field.description(), field.options());
		}

	}

}

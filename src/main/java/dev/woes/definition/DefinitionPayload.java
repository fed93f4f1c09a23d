package dev.woes.definition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Definitions as events carry them: {@code kind} and the definition's API fields.
 */
final class DefinitionPayload {

	private DefinitionPayload() {
	}

	static Map<String, Object> of(StatusDefinition status) {
		Map<String, Object> data = start("status", status.id().toString());
		data.put("label", status.label());
		data.put("lifecycle", status.lifecycle().wireName());
		data.put("enabled", status.enabled());
		data.put("rank", status.rank());
		data.put("tone", status.tone());
		data.put("color", status.color());
		return data;
	}

	static Map<String, Object> of(PriorityDefinition priority) {
		Map<String, Object> data = start("priority", priority.id().toString());
		data.put("label", priority.label());
		data.put("enabled", priority.enabled());
		data.put("highlightInQueue", priority.highlightInQueue());
		data.put("rank", priority.rank());
		data.put("tone", priority.tone());
		data.put("color", priority.color());
		return data;
	}

	static Map<String, Object> of(TagDefinition tag) {
		Map<String, Object> data = start("tag", tag.id().toString());
		data.put("name", tag.name());
		data.put("scope", tag.scope().wireName());
		data.put("color", tag.color());
		data.put("description", tag.description());
		return data;
	}

	static Map<String, Object> of(CustomFieldDefinition field) {
		Map<String, Object> data = start("custom_field", field.id().toString());
		data.put("label", field.label());
		data.put("type", field.type().wireName());
		data.put("enabled", field.enabled());
		data.put("fillMode", field.fillMode());
		data.put("description", field.description());
		data.put("options", field.options());
		return data;
	}

	private static Map<String, Object> start(String kind, String id) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", kind);
		data.put("id", id);
		return data;
	}

}

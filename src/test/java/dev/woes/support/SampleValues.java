package dev.woes.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Valid sample values for the schemas of an OpenAPI document: every property of an
 * object, the first value of an enum, strings and numbers within their bounds. Always the
 * same value for the same schema.
 */
public final class SampleValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonNode document;

	public SampleValues(JsonNode document) {
		this.document = document;
	}

	/**
	 * The schema a {@code $ref} points at, or the schema itself; the first of a
	 * {@code oneOf}, {@code anyOf} or {@code allOf}.
	 */
	public JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int depth = 0; depth < 20; depth++) {
			if (current.has("$ref")) {
				String ref = current.path("$ref").asString();
				current = this.document.at(ref.substring(1));
			}
			else if (current.has("allOf") && current.path("allOf").size() == 1) {
				current = current.path("allOf").get(0);
			}
			else if (current.has("oneOf")) {
				current = current.path("oneOf").get(0);
			}
			else if (current.has("anyOf")) {
				current = current.path("anyOf").get(0);
			}
			else {
				return current;
			}
		}
		throw new IllegalStateException("A $ref cycle at " + schema);
	}

	/**
	 * The schema's type: {@code object}, {@code array}, {@code string}, {@code integer},
	 * {@code number}, {@code boolean}, or {@code string} when it declares none.
	 */
	public String type(JsonNode schema) {
		JsonNode resolved = resolve(schema);
		JsonNode type = resolved.path("type");
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!each.asString().equals("null")) {
					return each.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return resolved.has("properties") ? "object" : "string";
	}

	public JsonNode valid(JsonNode schema) {
		JsonNode resolved = resolve(schema);
		if (resolved.has("enum") && resolved.path("enum").size() > 0) {
			return resolved.path("enum").get(0);
		}
		return switch (type(resolved)) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				resolved.path("properties").properties().forEach((property) -> {
					object.set(property.getKey(), valid(property.getValue()));
				});
				yield object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				for (int i = 0; i < resolved.path("minItems").asInt(0); i++) {
					array.add(valid(resolved.path("items")));
				}
				yield array;
			}
			case "integer", "number" -> {
				long value = Math.max(1, resolved.path("minimum").asLong(1));
				if (resolved.has("maximum")) {
					value = Math.min(value, resolved.path("maximum").asLong());
				}
				yield NODES.numberNode(value);
			}
			case "boolean" -> NODES.booleanNode(false);
			default -> NODES.stringNode(string(resolved));
		};
	}

	private static String string(JsonNode schema) {
		switch (schema.path("format").asString("")) {
			case "uuid":
				return "0190f3a1-0000-7000-8000-00000000000a";
			case "email":
				return "probe@example.com";
			case "date-time":
				return "2026-01-01T00:00:00.000Z";
			case "uri", "url":
				return "https://example.com/probe";
			default:
		}
		StringBuilder text = new StringBuilder("probe");
		while (text.length() < schema.path("minLength").asInt(0)) {
			text.append('x');
		}
		int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
		return (text.length() > max) ? text.substring(0, Math.max(1, max)) : text.toString();
	}

}

package dev.woes.definition;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Texts;
import dev.woes.shared.Uuids;
import tools.jackson.databind.JsonNode;

/**
 * A custom field: a typed value a conversation can carry, keyed by the field's id. Its
 * type is fixed once created; {@code fillMode} says who is expected to fill it
 * ({@code operator}, {@code customer} or {@code automation}) and is informational.
 */
public record CustomFieldDefinition(UUID id, String label, CustomFieldType type, boolean enabled, String fillMode,
		String description, List<String> options) {

	public static final int MAX_TEXT = 2000;

	public CustomFieldDefinition {
		for (String option : options) {
			if (option == null || option.isBlank() || option.codePointCount(0, option.length()) > 100
					|| !Texts.isStorable(option)) {
				throw new InvalidRequest("options must each be 1-100 characters.");
			}
		}
		options = List.copyOf(options);
		requireOptionsFit(type, options);
	}

	public static CustomFieldDefinition create(String label, CustomFieldType type, boolean enabled, String fillMode,
			String description, List<String> options) {
		return new CustomFieldDefinition(Uuids.v7(), label, type, enabled, fillMode, description, options);
	}

	public CustomFieldDefinition with(String newLabel, Boolean newEnabled, String newFillMode, String newDescription,
			List<String> newOptions) {
		return new CustomFieldDefinition(this.id, (newLabel != null) ? newLabel : this.label, this.type,
				(newEnabled != null) ? newEnabled : this.enabled, (newFillMode != null) ? newFillMode : this.fillMode,
				(newDescription != null) ? newDescription : this.description,
				(newOptions != null) ? newOptions : this.options);
	}

	private static void requireOptionsFit(CustomFieldType type, List<String> options) {
		if (type.hasOptions() && options.isEmpty()) {
			throw new InvalidRequest("options must list at least one choice for a " + type.wireName() + " field.");
		}
		if (!type.hasOptions() && !options.isEmpty()) {
			throw new InvalidRequest("options are only allowed on select and multi-select fields.");
		}
		if (new HashSet<>(options).size() != options.size()) {
			throw new InvalidRequest("options must not repeat a choice.");
		}
	}

	/**
	 * Checks a value against this field's type and options and answers it as stored.
	 * @throws InvalidRequest naming the field when the value does not fit
	 */
	public JsonNode accept(JsonNode value) {
		boolean fits = switch (this.type) {
			case TEXT -> value.isString() && fitsText(value.asString());
			case NUMBER -> value.isIntegralNumber() && value.canConvertToLong();
			case DECIMAL -> value.isNumber() && (!value.isFloatingPointNumber() || Double.isFinite(value.asDouble()));
			case SELECT -> value.isString() && this.options.contains(value.asString());
			case MULTI_SELECT -> isChoiceList(value);
			case BOOLEAN -> value.isBoolean();
			case DATE -> value.isString() && isDate(value.asString());
			case URL -> value.isString() && isUrl(value.asString());
		};
		if (!fits) {
			throw new InvalidRequest("Custom field " + this.id + " (" + this.label + ") must be " + expected() + ".");
		}
		return value;
	}

	private String expected() {
		return switch (this.type) {
			case TEXT -> "a string of 1-" + MAX_TEXT + " characters";
			case NUMBER -> "a whole number";
			case DECIMAL -> "a number";
			case SELECT -> "one of " + String.join(", ", this.options);
			case MULTI_SELECT -> "an array of distinct choices among " + String.join(", ", this.options);
			case BOOLEAN -> "true or false";
			case DATE -> "a date as YYYY-MM-DD";
			case URL -> "an absolute http or https URL of at most " + MAX_TEXT + " characters";
		};
	}

	private static boolean fitsText(String text) {
		int length = text.codePointCount(0, text.length());
		return length >= 1 && length <= MAX_TEXT && Texts.isStorable(text) && !text.isBlank();
	}

	private boolean isChoiceList(JsonNode value) {
		if (!value.isArray()) {
			return false;
		}
		Set<String> seen = new HashSet<>();
		for (JsonNode choice : value) {
			if (!choice.isString() || !this.options.contains(choice.asString()) || !seen.add(choice.asString())) {
				return false;
			}
		}
		return true;
	}

	private static boolean isDate(String text) {
		if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
			return false;
		}
		try {
			LocalDate.parse(text);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean isUrl(String text) {
		if (text.length() > MAX_TEXT || !Texts.isStorable(text)) {
			return false;
		}
		try {
			URI uri = new URI(text);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}

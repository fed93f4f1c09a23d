package dev.woes.definition.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.woes.definition.CustomFieldType;
import dev.woes.definition.TagScope;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the tag and custom field management routes. In an update, a field left out
 * keeps its value and a field sent as null is refused.
 */
final class TagRequests {

	static final String FILL_MODES = "operator|customer|automation";

	static final String FILL_MODES_SENTENCE = "must be one of operator, customer, automation";

	private TagRequests() {
	}

	static TagScope scope(String scope) {
		return (scope != null) ? TagScope.fromWireName(scope).orElseThrow() : null;
	}

	@Schema(name = "CreateTagRequest", requiredProperties = "name")
	record CreateTagRequest(
			@Schema(minLength = 1, maxLength = 64) @NotNull(message = "is required") @TextLength(min = 1,
					max = 64) String name,
			@Schema(allowableValues = {
					"issue", "account" }, defaultValue = "issue") @Pattern(regexp = "issue|account",
							message = "must be one of issue, account") String scope,
			@Schema(pattern = Shapes.COLOR) @Pattern(regexp = Shapes.COLOR,
					message = Shapes.COLOR_SENTENCE) String color,
			@Schema(maxLength = 500) @TextLength(max = 500) String description){
	}

	@Schema(name = "UpdateTagRequest", minProperties = 1)
	static final class UpdateTagRequest {

		@JsonProperty
		@Schema(minLength = 1, maxLength = 64)
		@JsonSetter(nulls = Nulls.FAIL)
		@TextLength(min = 1, max = 64)
		private String name;

		@JsonProperty
		@Schema(allowableValues = { "issue", "account" })
		@JsonSetter(nulls = Nulls.FAIL)
		@Pattern(regexp = "issue|account", message = "must be one of issue, account")
		private String scope;

		@JsonProperty
		@Schema(pattern = Shapes.COLOR)
		@JsonSetter(nulls = Nulls.FAIL)
		@Pattern(regexp = Shapes.COLOR, message = Shapes.COLOR_SENTENCE)
		private String color;

		@JsonProperty
		@Schema(maxLength = 500)
		@JsonSetter(nulls = Nulls.FAIL)
		@TextLength(max = 500)
		private String description;

		String name() {
			return this.name;
		}

		String scope() {
			return this.scope;
		}

		String color() {
			return this.color;
		}

		String description() {
			return this.description;
		}

		void requireAny() {
			if (this.name == null && this.scope == null && this.color == null && this.description == null) {
				throw new InvalidRequest("A PATCH body must carry at least one of name, scope, color, description.");
			}
		}

	}

	@Schema(name = "CreateCustomFieldRequest", requiredProperties = { "label", "type" })
	record CreateCustomFieldRequest(
			@Schema(minLength = 1, maxLength = 80) @NotNull(message = "is required") @TextLength(min = 1,
					max = 80) String label,
			@Schema(allowableValues = {
					"text", "number", "decimal", "select", "multi-select", "boolean", "date", "url" }) @NotNull(
							message = "is required") @Pattern(
									regexp = "text|number|decimal|select|multi-select|boolean|date|url",
									message = "must be one of text, number, decimal, select, multi-select, boolean, date, url") String type,
			@Schema(defaultValue = "true") Boolean enabled,
			@Schema(allowableValues = { "operator", "customer", "automation" }, defaultValue = "operator") @Pattern(
					regexp = FILL_MODES, message = FILL_MODES_SENTENCE) String fillMode,
			@Schema(maxLength = 500) @TextLength(max = 500) String description,
			@Size(max = 100, message = "must list at most 100 choices") List<String> options){

		CustomFieldType parsedType() {
			return CustomFieldType.fromWireName(this.type).orElseThrow();
		}

	}

	@Schema(name = "UpdateCustomFieldRequest", minProperties = 1)
	static final class UpdateCustomFieldRequest {

		@JsonProperty
		@Schema(minLength = 1, maxLength = 80)
		@JsonSetter(nulls = Nulls.FAIL)
		@TextLength(min = 1, max = 80)
		private String label;

		@JsonProperty
		@JsonSetter(nulls = Nulls.FAIL)
		private Boolean enabled;

		@JsonProperty
		@Schema(allowableValues = { "operator", "customer", "automation" })
		@JsonSetter(nulls = Nulls.FAIL)
		@Pattern(regexp = FILL_MODES, message = FILL_MODES_SENTENCE)
		private String fillMode;

		@JsonProperty
		@Schema(maxLength = 500)
		@JsonSetter(nulls = Nulls.FAIL)
		@TextLength(max = 500)
		private String description;

		@JsonProperty
		@JsonSetter(nulls = Nulls.FAIL)
		@Size(max = 100, message = "must list at most 100 choices")
		private List<String> options;

		String label() {
			return this.label;
		}

		Boolean enabled() {
			return this.enabled;
		}

		String fillMode() {
			return this.fillMode;
		}

		String description() {
			return this.description;
		}

		List<String> options() {
			return this.options;
		}

		void requireAny() {
			if (this.label == null && this.enabled == null && this.fillMode == null && this.description == null
					&& this.options == null) {
				throw new InvalidRequest(
						"A PATCH body must carry at least one of label, enabled, fillMode, description, options.");
			}
		}

	}

}

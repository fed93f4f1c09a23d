package dev.woes.definition.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.woes.definition.DefinitionChanges;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Bodies of the status and priority management routes. In an update, a field left out
 * keeps its value and a field sent as null is refused.
 */
final class StatusRequests {

	private StatusRequests() {
	}

	@Schema(name = "CreateStatusRequest", requiredProperties = { "label", "lifecycle" })
	record CreateStatusRequest(
			@Schema(minLength = 1, maxLength = 60) @NotNull(message = "is required") @TextLength(min = 1,
					max = 60) String label,
			@Schema(allowableValues = {
					"open", "waiting", "solved" }) @NotNull(message = "is required") @Pattern(
							regexp = "open|waiting|solved",
							message = "must be one of open, waiting, solved") String lifecycle,
			@Schema(defaultValue = "true") Boolean enabled,
			@Schema(minimum = "0", maximum = "10000") @Min(value = 0, message = "must be 0-10000") @Max(
					value = Shapes.MAX_RANK, message = "must be 0-10000") Integer rank,
			@Schema(allowableValues = { "neutral", "info", "success", "warning", "danger" }) @Pattern(
					regexp = Shapes.TONES, message = Shapes.TONES_SENTENCE) String tone,
			@Schema(pattern = Shapes.COLOR) @Pattern(regexp = Shapes.COLOR,
					message = Shapes.COLOR_SENTENCE) String color){
	}

	@Schema(name = "UpdateStatusRequest", minProperties = 1)
	@JsonPropertyOrder({ "label", "enabled", "rank", "tone", "color" })
	static final class UpdateStatusRequest extends UpdateOrderedRequest {

		@JsonProperty
		@Schema(minLength = 1, maxLength = 60)
		@JsonSetter(nulls = Nulls.FAIL)
		@TextLength(min = 1, max = 60)
		private String label;

		@Override
		String label() {
			return this.label;
		}

		DefinitionChanges toChanges() {
			return toChanges(false, "label, enabled, rank, tone, color");
		}

	}

	@Schema(name = "CreatePriorityRequest", requiredProperties = "label")
	record CreatePriorityRequest(
			@Schema(minLength = 1, maxLength = 32) @NotNull(message = "is required") @TextLength(min = 1,
					max = 32) String label,
			@Schema(defaultValue = "true") Boolean enabled, @Schema(defaultValue = "false") Boolean highlightInQueue,
			@Schema(minimum = "0", maximum = "10000") @Min(value = 0, message = "must be 0-10000") @Max(
					value = Shapes.MAX_RANK, message = "must be 0-10000") Integer rank,
			@Schema(allowableValues = {
					"neutral", "info", "success", "warning", "danger" }) @Pattern(regexp = Shapes.TONES,
							message = Shapes.TONES_SENTENCE) String tone,
			@Schema(pattern = Shapes.COLOR) @Pattern(regexp = Shapes.COLOR,
					message = Shapes.COLOR_SENTENCE) String color){
	}

	@Schema(name = "UpdatePriorityRequest", minProperties = 1)
	@JsonPropertyOrder({ "label", "enabled", "highlightInQueue", "rank", "tone", "color" })
	static final class UpdatePriorityRequest extends UpdateOrderedRequest {

		@JsonProperty
		@Schema(minLength = 1, maxLength = 32)
		@JsonSetter(nulls = Nulls.FAIL)
		@TextLength(min = 1, max = 32)
		private String label;

		@JsonProperty
		@JsonSetter(nulls = Nulls.FAIL)
		private Boolean highlightInQueue;

		@Override
		String label() {
			return this.label;
		}

		Boolean highlightInQueue() {
			return this.highlightInQueue;
		}

		DefinitionChanges toChanges() {
			return toChanges(this.highlightInQueue != null, "label, enabled, highlightInQueue, rank, tone, color");
		}

	}

	/**
	 * The fields a status and a priority update share; each kind adds its label, whose
	 * length differs.
	 */
	abstract static class UpdateOrderedRequest {

		@JsonProperty
		@JsonSetter(nulls = Nulls.FAIL)
		private Boolean enabled;

		@JsonProperty
		@Schema(minimum = "0", maximum = "10000")
		@JsonSetter(nulls = Nulls.FAIL)
		@Min(value = 0, message = "must be 0-10000")
		@Max(value = Shapes.MAX_RANK, message = "must be 0-10000")
		private Integer rank;

		@JsonProperty
		@Schema(allowableValues = { "neutral", "info", "success", "warning", "danger" })
		@JsonSetter(nulls = Nulls.FAIL)
		@Pattern(regexp = Shapes.TONES, message = Shapes.TONES_SENTENCE)
		private String tone;

		@JsonProperty
		@Schema(pattern = Shapes.COLOR)
		@JsonSetter(nulls = Nulls.FAIL)
		@Pattern(regexp = Shapes.COLOR, message = Shapes.COLOR_SENTENCE)
		private String color;

		abstract String label();

		/**
		 * The changes asked for.
		 * @param more whether the kind's own fields ask for a change
		 * @param fields every field the kind's update takes, for the refusal of an empty
		 * body
		 */
		DefinitionChanges toChanges(boolean more, String fields) {
			if (label() == null && this.enabled == null && this.rank == null && this.tone == null && this.color == null
					&& !more) {
				throw new InvalidRequest("A PATCH body must carry at least one of " + fields + ".");
			}
			return new DefinitionChanges(label(), this.enabled, this.rank, this.tone, this.color);
		}

	}

}

package dev.woes.triage.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import dev.woes.shared.Texts;
import dev.woes.shared.Uuids;
import dev.woes.triage.ConversationTags;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the triage routes.
 */
final class TriageRequests {

	private TriageRequests() {
	}

	@Schema(name = "SetConversationLabelRequest", minProperties = 1)
	static final class SetLabelRequest {

		@JsonProperty
		@Schema(format = "uuid", description = "An enabled status; with snoozedUntil alone, the default waiting status")
		@JsonSetter(nulls = Nulls.FAIL)
		private String statusId;

		@JsonProperty
		@Schema(format = "date-time", description = "Wait until then, at most 365 days ahead, and go back to open")
		@JsonSetter(nulls = Nulls.FAIL)
		private String snoozedUntil;

		String statusId() {
			return this.statusId;
		}

		String snoozedUntil() {
			return this.snoozedUntil;
		}

		UUID parsedStatusId() {
			if (this.statusId == null && this.snoozedUntil == null) {
				throw new InvalidRequest("The body must carry statusId, snoozedUntil or both.");
			}
			if (this.statusId == null) {
				return null;
			}
			return Uuids.parse(this.statusId)
				.orElseThrow(() -> new InvalidRequest("statusId must be the id of a status of this workspace."));
		}

		Instant parsedSnoozedUntil() {
			if (this.snoozedUntil == null) {
				return null;
			}
			try {
				return Instant.parse(this.snoozedUntil).truncatedTo(ChronoUnit.MILLIS);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidRequest(
						"snoozedUntil must be an ISO-8601 UTC timestamp such as 2026-06-28T18:00:00.000Z.");
			}
		}

	}

	@Schema(name = "AddConversationTagRequest", requiredProperties = "name")
	record AddTagRequest(@Schema(minLength = 1, maxLength = 64) @NotNull(message = "is required") @TextLength(min = 1,
			max = 64) String name) {
	}

	@Schema(name = "ReplaceConversationTagsRequest", requiredProperties = "names")
	record ReplaceTagsRequest(@NotNull(message = "is required") @Size(max = ConversationTags.MAX_TAGS,
			message = "must list at most 25 tags") List<String> names) {

		List<String> checkedNames() {
			for (String name : this.names) {
				if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > 64
						|| !Texts.isStorable(name)) {
					throw new InvalidRequest("names must each be 1-64 characters.");
				}
			}
			return this.names;
		}

	}

}

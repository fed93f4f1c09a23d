package dev.woes.issue.web;

import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "CreateIssueNoteRequest", requiredProperties = "body")
record CreateIssueNoteRequest(
		@Schema(minLength = 1, maxLength = 8000) @NotNull(message = "is required") @TextLength(min = 1,
				max = 8000) String body,
		@Schema(format = "uuid", description = "An operator of this workspace.") @Pattern(
				regexp = RequestChecks.UUID_PATTERN, message = "must be a UUID") String authorId) {

}

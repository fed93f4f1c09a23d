package dev.woes.issue.web;

import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "UpdateIssueNoteRequest", requiredProperties = "body")
record UpdateIssueNoteRequest(@Schema(minLength = 1,
		maxLength = 8000) @NotNull(message = "is required") @TextLength(min = 1, max = 8000) String body) {

}

package dev.woes.issue.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "LinkConversationRequest", requiredProperties = "conversationId")
record LinkConversationRequest(@Schema(format = "uuid", description = "A conversation of this workspace.") @NotNull(
		message = "is required") @Pattern(regexp = RequestChecks.UUID_PATTERN,
				message = "must be a UUID") String conversationId) {

}

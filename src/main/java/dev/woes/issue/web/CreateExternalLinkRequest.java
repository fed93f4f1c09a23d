package dev.woes.issue.web;

import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "CreateExternalLinkRequest", requiredProperties = { "provider", "key", "url" })
record CreateExternalLinkRequest(@Schema(minLength = 1, maxLength = 40, pattern = ExternalLinkRequests.PROVIDER_PATTERN,
		example = "linear") @NotNull(message = "is required") @Pattern(regexp = ExternalLinkRequests.PROVIDER_PATTERN,
				message = ExternalLinkRequests.PROVIDER_RULE) String provider,
		@Schema(minLength = 1, maxLength = 120,
				example = "ENG-123") @NotNull(message = "is required") @TextLength(min = 1, max = 120) String key,
		@Schema(maxLength = 2048, format = "uri", example = "https://linear.app/acme/issue/ENG-123") @NotNull(
				message = "is required") @TextLength(min = 1, max = 2048) String url,
		@Schema(minLength = 1, maxLength = 64, example = "In Progress") @TextLength(min = 1, max = 64) String status) {

}

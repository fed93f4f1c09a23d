package dev.woes.message.web;

import dev.woes.message.Role;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "CreateMessageRequest", requiredProperties = "body")
record CreateMessageRequest(
		@Schema(minLength = 1, maxLength = 8000) @NotNull(message = "is required") @TextLength(min = 1,
				max = 8000) String body,
		@Schema(allowableValues = {
				"user", "assistant" }, defaultValue = "user") @Pattern(regexp = "user|assistant",
						message = "must be one of user, assistant") String role){

	Role parsedRole() {
		return (this.role != null) ? Role.fromWireName(this.role).orElseThrow() : Role.USER;
	}

}

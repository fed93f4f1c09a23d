package dev.woes.operator.web;

import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "CreateOperatorRequest", requiredProperties = { "name", "email" })
record CreateOperatorRequest(
		@Schema(minLength = 1, maxLength = 160) @NotNull(message = "is required") @TextLength(min = 1,
				max = 160) String name,
		@Schema(format = "email", maxLength = 320) @NotNull(message = "is required") @TextLength(min = 1,
				max = 320) @Email(message = "must be an email address") String email,
		@Schema(allowableValues = {
				"owner", "admin", "member", "viewer" },
				defaultValue = "member") @Pattern(regexp = OperatorController.ROLES,
						message = "must be one of owner, admin, member, viewer") String role,
		@Schema(allowableValues = { "active", "away" }, defaultValue = "active") @Pattern(
				regexp = OperatorController.STATUSES, message = "must be one of active, away") String status){

	String roleOrDefault() {
		return (this.role != null) ? this.role : "member";
	}

	String statusOrDefault() {
		return (this.status != null) ? this.status : "active";
	}

}

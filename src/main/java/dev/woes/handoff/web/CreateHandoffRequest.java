package dev.woes.handoff.web;

import java.util.UUID;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import dev.woes.shared.Uuids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@Schema(name = "CreateHandoffRequest", requiredProperties = { "reason", "requestedBy" })
record CreateHandoffRequest(
		@Schema(minLength = 1, maxLength = 500) @NotNull(message = "is required") @TextLength(min = 1,
				max = 500) String reason,
		@Schema(allowableValues = {
				"agent", "customer", "automation", "operator" }) @NotNull(message = "is required") @Pattern(
						regexp = "agent|customer|automation|operator",
						message = "must be one of agent, customer, automation, operator") String requestedBy,
		@Schema(format = "uuid", nullable = true, description = "The team asked to take it") String teamId){

	UUID team() {
		if (this.teamId == null) {
			return null;
		}
		return Uuids.parse(this.teamId).orElseThrow(() -> new InvalidRequest("teamId must be a UUID."));
	}

}

package dev.woes.participant.web;

import java.util.UUID;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Uuids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "AddParticipantRequest", requiredProperties = "operatorId")
record AddParticipantRequest(
		@Schema(format = "uuid", description = "The operator who follows the conversation") @NotNull(
				message = "is required") String operatorId) {

	UUID operator() {
		return Uuids.parse(this.operatorId).orElseThrow(() -> new InvalidRequest("operatorId must be a UUID."));
	}

}

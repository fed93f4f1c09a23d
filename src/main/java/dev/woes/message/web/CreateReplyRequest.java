package dev.woes.message.web;

import java.util.UUID;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import dev.woes.shared.Uuids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

@Schema(name = "CreateReplyRequest", requiredProperties = { "operatorId", "body" })
record CreateReplyRequest(
		@Schema(format = "uuid",
				description = "The operator who wrote the reply") @NotNull(message = "is required") String operatorId,
		@Schema(minLength = 1, maxLength = 8000) @NotNull(message = "is required") @TextLength(min = 1,
				max = 8000) String body) {

	UUID operator() {
		return Uuids.parse(this.operatorId).orElseThrow(() -> new InvalidRequest("operatorId must be a UUID."));
	}

}

package dev.woes.handoff.web;

import dev.woes.handoff.Handling;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Handling", requiredProperties = { "object", "conversationId", "state", "handoffId", "operatorId" })
record HandlingJson(@Schema(allowableValues = "handling") String object, String conversationId,
		@Schema(allowableValues = {
				"agent", "handoff_requested", "operator" }) String state,
		@Schema(nullable = true, description = "The handoff not yet released") String handoffId,
		@Schema(nullable = true, description = "The operator handling it") String operatorId){

	static HandlingJson of(Handling handling) {
		return new HandlingJson("handling", handling.conversationId().toString(), handling.state().wireName(),
				(handling.active() != null) ? handling.active().id().toString() : null,
				(handling.active() != null && handling.active().takenOverBy() != null)
						? handling.active().takenOverBy().toString() : null);
	}

}

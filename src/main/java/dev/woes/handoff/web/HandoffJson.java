package dev.woes.handoff.web;

import java.util.UUID;

import dev.woes.handoff.Handoff;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Handoff", requiredProperties = { "object", "id", "conversationId", "state", "reason", "requestedBy",
		"teamId", "requestedAt", "takenOverAt", "takenOverBy", "releasedAt" })
record HandoffJson(@Schema(allowableValues = "handoff") String object, String id, String conversationId,
		@Schema(allowableValues = {
				"requested", "taken_over", "released" }) String state,
		String reason, @Schema(allowableValues = { "agent", "customer", "automation", "operator" }) String requestedBy,
		@Schema(nullable = true) String teamId, @Schema(format = "date-time") String requestedAt,
		@Schema(format = "date-time", nullable = true) String takenOverAt,
		@Schema(nullable = true, description = "The operator who took it over") String takenOverBy,
		@Schema(format = "date-time", nullable = true) String releasedAt){

	static HandoffJson of(Handoff handoff) {
		return new HandoffJson("handoff", handoff.id().toString(), handoff.conversationId().toString(), handoff.state(),
				handoff.reason(), handoff.requestedBy(), text(handoff.teamId()),
				Timestamps.format(handoff.requestedAt()), Timestamps.format(handoff.takenOverAt()),
				text(handoff.takenOverBy()), Timestamps.format(handoff.releasedAt()));
	}

	private static String text(UUID id) {
		return (id != null) ? id.toString() : null;
	}

}

package dev.woes.participant.web;

import dev.woes.participant.Participant;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Participant", requiredProperties = { "object", "type", "id", "follower", "joinedAt", "lastActiveAt" })
record ParticipantJson(@Schema(allowableValues = "participant") String object, @Schema(allowableValues = {
		"customer", "operator", "automation" }) String type,
		@Schema(nullable = true,
				description = "The customer's or operator's id; null for an unnamed automation") String id,
		@Schema(description = "Added by hand to follow the conversation") boolean follower,
		@Schema(format = "date-time") String joinedAt,
		@Schema(format = "date-time", nullable = true, description = "Their latest message") String lastActiveAt){

	static ParticipantJson of(Participant participant) {
		return new ParticipantJson("participant", participant.type(), participant.id(), participant.follower(),
				Timestamps.format(participant.joinedAt()), Timestamps.format(participant.lastActiveAt()));
	}

}

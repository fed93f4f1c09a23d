package dev.woes.participant.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A conversation's participants in one answer; {@code hasMore} is always false.
 */
@Schema(name = "ParticipantListResponse", requiredProperties = { "object", "hasMore", "participants" })
record ParticipantListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<ParticipantJson> participants) {

}

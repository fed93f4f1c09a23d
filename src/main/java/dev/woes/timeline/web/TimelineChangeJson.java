package dev.woes.timeline.web;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * A recorded change: the event's type and its {@code data}, as the event log holds them.
 */
@Schema(name = "TimelineChange", requiredProperties = { "type", "data" })
record TimelineChangeJson(@Schema(example = "conversation.status.updated") String type, @Schema(type = "object",
		description = "The event's data, as webhooks and the event feed carry it") JsonNode data) {

}

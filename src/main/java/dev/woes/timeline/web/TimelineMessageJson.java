package dev.woes.timeline.web;

import dev.woes.message.Message;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A message as the timeline shows it: the fields of the contract's message object.
 */
@Schema(name = "TimelineMessage",
		requiredProperties = { "object", "id", "conversationId", "role", "body", "deliveryStatus", "createdAt" })
record TimelineMessageJson(@Schema(allowableValues = "message") String object, String id, String conversationId,
		@Schema(allowableValues = {
				"user", "assistant" }) String role,
		String body, String deliveryStatus, @Schema(format = "date-time") String createdAt){

	static TimelineMessageJson of(Message message) {
		return new TimelineMessageJson("message", message.id().toString(), message.conversationId().toString(),
				message.role().wireName(), message.body(), message.deliveryStatus(),
				Timestamps.format(message.createdAt()));
	}

}

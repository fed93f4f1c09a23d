package dev.woes.message.web;

import dev.woes.message.Message;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Message",
		requiredProperties = { "object", "id", "conversationId", "role", "body", "deliveryStatus", "createdAt" })
record MessageJson(@Schema(allowableValues = "message") String object, String id, String conversationId,
		@Schema(allowableValues = {
				"user", "assistant" }) String role,
		String body, @Schema(example = "delivered") String deliveryStatus,
		@Schema(format = "date-time") String createdAt){

	static MessageJson of(Message message) {
		return new MessageJson("message", message.id().toString(), message.conversationId().toString(),
				message.role().wireName(), message.body(), message.deliveryStatus(),
				Timestamps.format(message.createdAt()));
	}

}

package dev.woes.conversation.web;

import dev.woes.conversation.Conversation;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The conversation object of the API: exactly these fields, always all present.
 */
@Schema(name = "Conversation", requiredProperties = { "object", "id", "channel", "status", "priority", "subject",
		"preview", "customer", "createdAt", "updatedAt", "lastMessageAt", "closedAt" })
record ConversationJson(@Schema(allowableValues = "conversation") String object, String id, @Schema(allowableValues = {
		"api", "live-chat", "email", "discord" }) String channel,
		@Schema(allowableValues = { "open", "waiting", "solved" }) String status, String priority, String subject,
		String preview, CustomerJson customer, @Schema(format = "date-time") String createdAt,
		@Schema(format = "date-time", types = { "string", "null" }) String updatedAt,
		@Schema(format = "date-time") String lastMessageAt,
		@Schema(format = "date-time", types = { "string", "null" }) String closedAt){

	static ConversationJson of(Conversation conversation) {
		return new ConversationJson("conversation", conversation.id().toString(), conversation.channel().wireName(),
				conversation.status().wireName(), conversation.priority(), conversation.subject(),
				conversation.preview(), CustomerJson.of(conversation.customer()),
				Timestamps.format(conversation.createdAt()), Timestamps.format(conversation.updatedAt()),
				Timestamps.format(conversation.lastMessageAt()), Timestamps.format(conversation.closedAt()));
	}

}

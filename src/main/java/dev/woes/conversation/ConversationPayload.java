package dev.woes.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.woes.shared.Timestamps;

/**
 * A conversation as events carry it: the conversation's fields with the customer
 * flattened into {@code customerId}, {@code customerName}, {@code customerEmail} and
 * {@code customerCompany}, as webhook receivers expect.
 */
public final class ConversationPayload {

	private ConversationPayload() {
	}

	/**
	 * A fresh, mutable map, so an event can add its own entries (a message, the previous
	 * status).
	 */
	public static Map<String, Object> of(Conversation conversation) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", conversation.id().toString());
		data.put("channel", conversation.channel().wireName());
		data.put("status", conversation.status().wireName());
		data.put("priority", conversation.priority());
		data.put("subject", conversation.subject());
		data.put("preview", conversation.preview());
		data.put("customerId", conversation.customer().id());
		data.put("customerName", conversation.customer().name());
		data.put("customerEmail", conversation.customer().email());
		data.put("customerCompany", conversation.customer().company());
		data.put("createdAt", Timestamps.format(conversation.createdAt()));
		data.put("updatedAt", Timestamps.format(conversation.updatedAt()));
		data.put("lastMessageAt", Timestamps.format(conversation.lastMessageAt()));
		data.put("closedAt", Timestamps.format(conversation.closedAt()));
		return data;
	}

}

package dev.woes.message;

import java.time.Instant;

import dev.woes.conversation.ConversationId;

/**
 * One customer-visible message of a conversation. {@code position} orders the thread: 1
 * for the first message, in the order messages were committed. {@code author} is for
 * operator views only.
 */
public record Message(MessageId id, ConversationId conversationId, long position, Role role, String body,
		String deliveryStatus, Instant createdAt, MessageAuthor author) {

	/**
	 * The REST API records messages; it does not deliver them, so a recorded message is
	 * delivered.
	 */
	public static final String DELIVERED = "delivered";

}

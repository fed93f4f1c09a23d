package dev.woes.conversation;

import java.time.Instant;

/**
 * Where a newly recorded message sits in its conversation: its position (1 for the first
 * message, assigned under the conversation's row lock, so it follows commit order), its
 * time, and the conversation as the message left it.
 *
 * @param previousStatus the status before the message: a customer's message reopens a
 * solved conversation
 */
public record MessageSlot(long position, Instant at, Conversation conversation, ConversationStatus previousStatus) {

	public boolean reopened() {
		return this.previousStatus != this.conversation.status();
	}

}

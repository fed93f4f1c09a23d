package dev.woes.conversation;

import dev.woes.shared.RecordNotFound;

public class ConversationNotFound extends RecordNotFound {

	public ConversationNotFound() {
		super("Conversation not found.");
	}

}

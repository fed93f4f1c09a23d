package dev.woes.issue;

import dev.woes.shared.RecordNotFound;

public class ConversationNotLinked extends RecordNotFound {

	public ConversationNotLinked() {
		super("The conversation is not linked to this issue.");
	}

}

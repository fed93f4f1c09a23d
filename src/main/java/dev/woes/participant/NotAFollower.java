package dev.woes.participant;

import dev.woes.shared.RecordNotFound;

/**
 * The operator was not added to the conversation, so there is nothing to remove.
 */
public class NotAFollower extends RecordNotFound {

	public NotAFollower() {
		super("The operator does not follow this conversation.");
	}

}

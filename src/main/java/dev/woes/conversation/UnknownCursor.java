package dev.woes.conversation;

import dev.woes.shared.InvalidRequest;

/**
 * {@code startingAfter} names no conversation of the workspace, so there is no place to
 * resume.
 */
public class UnknownCursor extends InvalidRequest {

	public UnknownCursor() {
		super("startingAfter must be the id of a conversation in this workspace.");
	}

}

package dev.woes.handoff;

import dev.woes.shared.InvalidRequest;

/**
 * {@code startingAfter} names no handoff of the list, so there is no place to resume.
 */
public class UnknownHandoffCursor extends InvalidRequest {

	public UnknownHandoffCursor() {
		super("startingAfter must be the id of a handoff in this list.");
	}

}

package dev.woes.issue;

import dev.woes.shared.InvalidRequest;

/**
 * {@code startingAfter} names nothing in the list being read.
 */
public class UnknownListCursor extends InvalidRequest {

	public UnknownListCursor(String what) {
		super("startingAfter must be the id of " + what + ".");
	}

}

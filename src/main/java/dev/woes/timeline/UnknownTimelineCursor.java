package dev.woes.timeline;

import dev.woes.shared.InvalidRequest;

public class UnknownTimelineCursor extends InvalidRequest {

	public UnknownTimelineCursor() {
		super("startingAfter must be the id of an item of this conversation's timeline.");
	}

}

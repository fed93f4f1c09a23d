package dev.woes.message;

import dev.woes.shared.InvalidRequest;

public class UnknownMessageCursor extends InvalidRequest {

	public UnknownMessageCursor() {
		super("startingAfter must be the id of a message in this conversation.");
	}

}

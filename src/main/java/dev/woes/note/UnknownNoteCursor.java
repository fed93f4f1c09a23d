package dev.woes.note;

import dev.woes.shared.InvalidRequest;

public class UnknownNoteCursor extends InvalidRequest {

	public UnknownNoteCursor() {
		super("startingAfter must be the id of a note of this conversation.");
	}

}

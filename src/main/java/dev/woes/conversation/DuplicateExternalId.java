package dev.woes.conversation;

import dev.woes.shared.RecordConflict;

public class DuplicateExternalId extends RecordConflict {

	public DuplicateExternalId() {
		super("A conversation with this externalId already exists.");
	}

}

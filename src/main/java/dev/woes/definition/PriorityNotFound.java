package dev.woes.definition;

import dev.woes.shared.RecordNotFound;

public class PriorityNotFound extends RecordNotFound {

	public PriorityNotFound() {
		super("Priority not found.");
	}

}

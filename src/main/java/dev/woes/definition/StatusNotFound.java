package dev.woes.definition;

import dev.woes.shared.RecordNotFound;

public class StatusNotFound extends RecordNotFound {

	public StatusNotFound() {
		super("Status not found.");
	}

}

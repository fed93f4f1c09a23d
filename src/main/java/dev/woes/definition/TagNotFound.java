package dev.woes.definition;

import dev.woes.shared.RecordNotFound;

public class TagNotFound extends RecordNotFound {

	public TagNotFound() {
		super("Tag not found.");
	}

}

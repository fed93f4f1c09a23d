package dev.woes.definition;

import dev.woes.shared.RecordNotFound;

public class CustomFieldNotFound extends RecordNotFound {

	public CustomFieldNotFound() {
		super("Custom field not found.");
	}

}

package dev.woes.operator;

import dev.woes.shared.RecordNotFound;

/**
 * No operator with that id in the caller's workspace.
 */
public class OperatorNotFound extends RecordNotFound {

	public OperatorNotFound() {
		super("No operator with that id exists in this workspace.");
	}

}

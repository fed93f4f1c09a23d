package dev.woes.operator;

import dev.woes.shared.RecordConflict;

/**
 * The workspace already has an operator with that email.
 */
public class DuplicateOperatorEmail extends RecordConflict {

	public DuplicateOperatorEmail() {
		super("email is already used by another operator of this workspace.");
	}

}

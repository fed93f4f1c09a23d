package dev.woes.operator;

import dev.woes.shared.RecordConflict;

/**
 * An operator who owns conversations cannot be deleted: their conversations would lose
 * their owner without anyone deciding who takes them.
 */
public class OperatorStillAssigned extends RecordConflict {

	public OperatorStillAssigned() {
		super("The operator is assigned to conversations; reassign or unassign them before deleting the operator.");
	}

}

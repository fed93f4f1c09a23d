package dev.woes.definition;

import dev.woes.shared.RecordConflict;

/**
 * Another definition of the same kind already has this name (names are compared
 * regardless of case).
 */
public class DuplicateDefinition extends RecordConflict {

	public DuplicateDefinition(String sentence) {
		super(sentence);
	}

}

package dev.woes.operator;

import dev.woes.shared.RecordConflict;

/**
 * The workspace already has a team with that name.
 */
public class DuplicateTeamName extends RecordConflict {

	public DuplicateTeamName() {
		super("name is already used by another team of this workspace.");
	}

}

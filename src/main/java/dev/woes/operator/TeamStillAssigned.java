package dev.woes.operator;

import dev.woes.shared.RecordConflict;

/**
 * A team that owns conversations cannot be deleted, and a member cannot leave a team
 * while holding conversations assigned to both of them.
 */
public class TeamStillAssigned extends RecordConflict {

	public TeamStillAssigned(String message) {
		super(message);
	}

}

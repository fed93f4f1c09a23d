package dev.woes.operator;

import dev.woes.shared.RecordNotFound;

/**
 * No team with that id in the caller's workspace.
 */
public class TeamNotFound extends RecordNotFound {

	public TeamNotFound() {
		super("No team with that id exists in this workspace.");
	}

}

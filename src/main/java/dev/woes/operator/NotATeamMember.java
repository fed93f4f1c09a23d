package dev.woes.operator;

import dev.woes.shared.RecordNotFound;

/**
 * The operator is not a member of the team, so there is no membership to remove.
 */
public class NotATeamMember extends RecordNotFound {

	public NotATeamMember() {
		super("The operator is not a member of this team.");
	}

}

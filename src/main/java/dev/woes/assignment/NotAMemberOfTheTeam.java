package dev.woes.assignment;

import dev.woes.shared.InvalidRequest;

/**
 * Assigned together, the operator must belong to the team.
 */
public class NotAMemberOfTheTeam extends InvalidRequest {

	public NotAMemberOfTheTeam() {
		super("operatorId must name a member of the team teamId names; add the operator to the team or assign "
				+ "only one of them.");
	}

}

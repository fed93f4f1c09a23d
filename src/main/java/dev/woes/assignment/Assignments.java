package dev.woes.assignment;

import java.util.Optional;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * Where conversation assignments are kept: one row per assigned conversation.
 */
public interface Assignments {

	Optional<Assignment> find(WorkspaceId workspace, ConversationId conversation);

	/**
	 * Stores an operator and a team (either may be null, not both) in one statement, so a
	 * reader never sees one request's operator with another's team.
	 * @throws dev.woes.operator.OperatorNotFound when the operator was deleted meanwhile
	 * @throws dev.woes.operator.TeamNotFound when the team was deleted meanwhile
	 * @throws NotAMemberOfTheTeam when the operator left the team meanwhile
	 */
	void save(WorkspaceId workspace, Assignment assignment);

	/**
	 * Answers whether there was an assignment to remove.
	 */
	boolean remove(WorkspaceId workspace, ConversationId conversation);

}

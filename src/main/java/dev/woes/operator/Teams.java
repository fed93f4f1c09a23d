package dev.woes.operator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * Where teams and their memberships are kept.
 */
public interface Teams {

	/**
	 * Stores a new team with its members.
	 * @throws DuplicateTeamName when the workspace has a team with that name
	 */
	void add(WorkspaceId workspace, Team team);

	Optional<Team> find(WorkspaceId workspace, UUID id);

	/**
	 * Finds a team and locks it until the current transaction ends, so membership changes
	 * of one team happen one after the other.
	 */
	Optional<Team> findForUpdate(WorkspaceId workspace, UUID id);

	/**
	 * Stores a new name and {@code updatedAt}.
	 * @throws DuplicateTeamName when another team of the workspace has that name
	 */
	void rename(WorkspaceId workspace, Team team);

	/**
	 * Adds a membership unless it exists; answers whether it was added.
	 */
	boolean addMember(WorkspaceId workspace, UUID teamId, UUID operatorId, Instant at);

	/**
	 * Removes a membership; answers whether there was one.
	 * @throws TeamStillAssigned when the operator holds conversations assigned to them
	 * within this team
	 */
	boolean removeMember(WorkspaceId workspace, UUID teamId, UUID operatorId, Instant at);

	/**
	 * @throws TeamStillAssigned when conversations are assigned to the team
	 */
	void remove(WorkspaceId workspace, UUID id);

	/**
	 * Up to {@code rows} teams, oldest first, after a team (or from the start).
	 */
	List<Team> list(WorkspaceId workspace, UUID startingAfter, int rows);

}

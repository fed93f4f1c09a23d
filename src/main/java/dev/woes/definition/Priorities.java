package dev.woes.definition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * The priority definitions of every workspace; each method sees one workspace only.
 */
public interface Priorities {

	/**
	 * By rank, then id.
	 */
	List<PriorityDefinition> list(WorkspaceId workspace);

	Optional<PriorityDefinition> find(WorkspaceId workspace, UUID id);

	/**
	 * @throws DuplicateDefinition when another priority has the label
	 */
	void add(WorkspaceId workspace, PriorityDefinition priority, Instant now);

	/**
	 * @throws DuplicateDefinition when another priority has the label
	 */
	void update(WorkspaceId workspace, PriorityDefinition priority);

	void remove(WorkspaceId workspace, UUID id);

	int nextRank(WorkspaceId workspace);

}

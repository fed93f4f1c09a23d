package dev.woes.definition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * The status labels of every workspace; each method sees one workspace only.
 */
public interface Statuses {

	/**
	 * By rank, then id.
	 */
	List<StatusDefinition> list(WorkspaceId workspace);

	Optional<StatusDefinition> find(WorkspaceId workspace, UUID id);

	/**
	 * @throws DuplicateDefinition when another status has the label
	 */
	void add(WorkspaceId workspace, StatusDefinition status, Instant now);

	/**
	 * @throws DuplicateDefinition when another status has the label
	 */
	void update(WorkspaceId workspace, StatusDefinition status);

	void remove(WorkspaceId workspace, UUID id);

	int nextRank(WorkspaceId workspace);

}

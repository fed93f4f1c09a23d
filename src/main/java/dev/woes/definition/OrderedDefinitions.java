package dev.woes.definition;

import java.util.List;

import dev.woes.workspace.WorkspaceId;

/**
 * Definitions that a workspace puts in an order of its own, by rank: statuses and
 * priorities.
 *
 * @param <T> the kind of definition
 */
public interface OrderedDefinitions<T> extends Definitions<T> {

	/**
	 * By rank, then id.
	 */
	List<T> list(WorkspaceId workspace);

	/**
	 * One more than the highest rank taken, so that a new definition goes last.
	 */
	int nextRank(WorkspaceId workspace);

}

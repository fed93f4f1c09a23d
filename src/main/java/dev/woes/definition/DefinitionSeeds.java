package dev.woes.definition;

import java.time.Instant;

import dev.woes.workspace.WorkspaceId;

/**
 * Claims, once per workspace and kind, the right to insert the defaults, and serializes
 * the changes of one kind of definitions of one workspace.
 */
public interface DefinitionSeeds {

	/**
	 * Answers true to exactly one transaction per workspace and kind: the one that must
	 * insert the defaults. Another transaction racing it waits for it to commit and then
	 * answers false.
	 */
	boolean claim(WorkspaceId workspace, String kind, Instant now);

	boolean claimed(WorkspaceId workspace, String kind);

	/**
	 * Locks the workspace's definitions of this kind until the transaction ends.
	 */
	void lock(WorkspaceId workspace, String kind);

}

package dev.woes.workspace;

import java.util.List;
import java.util.Optional;

/**
 * The workspaces of this server.
 */
public interface Workspaces {

	/**
	 * Stores a new workspace.
	 * @throws WorkspaceAlreadyExists when its slug is taken
	 */
	void add(Workspace workspace);

	/**
	 * Stores the workspace unless one with its slug exists; answers whether it was added.
	 */
	boolean addIfAbsent(Workspace workspace);

	Optional<Workspace> findBySlug(WorkspaceSlug slug);

	boolean isEmpty();

	List<Workspace> all();

}

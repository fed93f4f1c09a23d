package dev.woes.definition;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * One kind of definitions of every workspace, each found by its id; each method sees one
 * workspace only.
 *
 * @param <T> the kind of definition
 */
public interface Definitions<T> {

	Optional<T> find(WorkspaceId workspace, UUID id);

	/**
	 * @throws DuplicateDefinition when another definition of the kind has its name
	 */
	void add(WorkspaceId workspace, T definition, Instant now);

	/**
	 * @throws DuplicateDefinition when another definition of the kind has its name
	 */
	void update(WorkspaceId workspace, T definition);

	void remove(WorkspaceId workspace, UUID id);

}

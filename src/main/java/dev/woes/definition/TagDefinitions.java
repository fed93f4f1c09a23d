package dev.woes.definition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * The tags of every workspace; each method sees one workspace only.
 */
public interface TagDefinitions {

	/**
	 * By name, regardless of case; all scopes when {@code scope} is null.
	 */
	List<TagDefinition> list(WorkspaceId workspace, TagScope scope);

	Optional<TagDefinition> find(WorkspaceId workspace, UUID id);

	/**
	 * Finds a tag by name, regardless of case.
	 */
	Optional<TagDefinition> findByName(WorkspaceId workspace, String name);

	/**
	 * @throws DuplicateDefinition when another tag has the name
	 */
	void add(WorkspaceId workspace, TagDefinition tag, Instant now);

	/**
	 * Adds the tag unless one with its name exists; answers whether it was added.
	 */
	boolean addIfAbsent(WorkspaceId workspace, TagDefinition tag, Instant now);

	/**
	 * @throws DuplicateDefinition when another tag has the name
	 */
	void update(WorkspaceId workspace, TagDefinition tag);

	void remove(WorkspaceId workspace, UUID id);

	int count(WorkspaceId workspace);

}

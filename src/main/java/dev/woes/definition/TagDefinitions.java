package dev.woes.definition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.woes.workspace.WorkspaceId;

/**
 * The tags of every workspace; each method sees one workspace only.
 */
public interface TagDefinitions extends Definitions<TagDefinition> {

	/**
	 * By name, regardless of case; all scopes when {@code scope} is null.
	 */
	List<TagDefinition> list(WorkspaceId workspace, TagScope scope);

	/**
	 * Finds a tag by name, regardless of case.
	 */
	Optional<TagDefinition> findByName(WorkspaceId workspace, String name);

	/**
	 * Adds the tag unless one with its name exists; answers whether it was added.
	 */
	boolean addIfAbsent(WorkspaceId workspace, TagDefinition tag, Instant now);

	int count(WorkspaceId workspace);

}

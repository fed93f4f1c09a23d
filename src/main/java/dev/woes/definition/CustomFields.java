package dev.woes.definition;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * The custom field definitions of every workspace; each method sees one workspace only.
 */
public interface CustomFields {

	/**
	 * Oldest first.
	 */
	List<CustomFieldDefinition> list(WorkspaceId workspace);

	Optional<CustomFieldDefinition> find(WorkspaceId workspace, UUID id);

	/**
	 * @throws DuplicateDefinition when another field has the label
	 */
	void add(WorkspaceId workspace, CustomFieldDefinition field, Instant now);

	/**
	 * @throws DuplicateDefinition when another field has the label
	 */
	void update(WorkspaceId workspace, CustomFieldDefinition field);

	void remove(WorkspaceId workspace, UUID id);

}

package dev.woes.definition;

import java.util.List;

import dev.woes.workspace.WorkspaceId;

/**
 * The custom field definitions of every workspace; each method sees one workspace only.
 */
public interface CustomFields extends Definitions<CustomFieldDefinition> {

	/**
	 * Oldest first.
	 */
	List<CustomFieldDefinition> list(WorkspaceId workspace);

}

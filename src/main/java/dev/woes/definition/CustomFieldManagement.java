package dev.woes.definition;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages a workspace's custom field definitions. A field's type is fixed once created.
 */
@Service
public class CustomFieldManagement {

	private final CustomFields fields;

	private final RecordedDefinitions<CustomFieldDefinition> recorded;

	CustomFieldManagement(CustomFields fields, EventLog events, Clock clock) {
		this.fields = fields;
		this.recorded = new RecordedDefinitions<>(fields, CustomFieldDefinition::id, DefinitionPayload::of,
				CustomFieldNotFound::new, events, clock);
	}

	@Transactional(readOnly = true)
	public List<CustomFieldDefinition> list(WorkspaceId workspace) {
		return this.fields.list(workspace);
	}

	@Transactional(readOnly = true)
	public CustomFieldDefinition get(WorkspaceId workspace, UUID id) {
		return this.recorded.get(workspace, id);
	}

	@Transactional
	public CustomFieldDefinition create(WorkspaceId workspace, Actor actor, String label, CustomFieldType type,
			Boolean enabled, String fillMode, String description, List<String> options) {
		if (this.fields.list(workspace).size() >= DefinitionLimit.MAX) {
			throw new DefinitionLimit("custom fields");
		}
		return this.recorded.create(workspace, actor,
				CustomFieldDefinition.create(label, type, (enabled != null) ? enabled : true,
						(fillMode != null) ? fillMode : "operator", (description != null) ? description : "",
						(options != null) ? options : List.of()));
	}

	/**
	 * Changes a field. Values already stored are kept as they are, even when an option
	 * they name is removed; they are checked when they are written.
	 */
	@Transactional
	public CustomFieldDefinition update(WorkspaceId workspace, Actor actor, UUID id, String label, Boolean enabled,
			String fillMode, String description, List<String> options) {
		return this.recorded.update(workspace, actor, id,
				(current) -> current.with(label, enabled, fillMode, description, options));
	}

	/**
	 * Deletes a field and every conversation's value of it.
	 */
	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		this.recorded.delete(workspace, actor, id);
	}

}

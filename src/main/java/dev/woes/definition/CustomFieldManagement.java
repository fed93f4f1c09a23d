package dev.woes.definition;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages a workspace's custom field definitions. A field's type is fixed once created.
 */
@Service
public class CustomFieldManagement {

	private final CustomFields fields;

	private final EventLog events;

	private final Clock clock;

	CustomFieldManagement(CustomFields fields, EventLog events, Clock clock) {
		this.fields = fields;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CustomFieldDefinition> list(WorkspaceId workspace) {
		return this.fields.list(workspace);
	}

	@Transactional(readOnly = true)
	public CustomFieldDefinition get(WorkspaceId workspace, UUID id) {
		return this.fields.find(workspace, id).orElseThrow(CustomFieldNotFound::new);
	}

	@Transactional
	public CustomFieldDefinition create(WorkspaceId workspace, Actor actor, String label, CustomFieldType type,
			Boolean enabled, String fillMode, String description, List<String> options) {
		if (this.fields.list(workspace).size() >= DefinitionLimit.MAX) {
			throw new DefinitionLimit("custom fields");
		}
		CustomFieldDefinition field = CustomFieldDefinition.create(label, type, (enabled != null) ? enabled : true,
				(fillMode != null) ? fillMode : "operator", (description != null) ? description : "",
				(options != null) ? options : List.of());
		this.fields.add(workspace, field, Timestamps.now(this.clock));
		this.events.record(workspace, EventType.DEFINITION_CREATED, actor, field.id(), DefinitionPayload.of(field));
		return field;
	}

	/**
	 * Changes a field. Values already stored are kept as they are, even when an option
	 * they name is removed; they are checked when they are written.
	 */
	@Transactional
	public CustomFieldDefinition update(WorkspaceId workspace, Actor actor, UUID id, String label, Boolean enabled,
			String fillMode, String description, List<String> options) {
		CustomFieldDefinition current = this.fields.find(workspace, id).orElseThrow(CustomFieldNotFound::new);
		CustomFieldDefinition changed = current.with(label, enabled, fillMode, description, options);
		if (!changed.equals(current)) {
			this.fields.update(workspace, changed);
			this.events.record(workspace, EventType.DEFINITION_UPDATED, actor, id, DefinitionPayload.of(changed));
		}
		return changed;
	}

	/**
	 * Deletes a field and every conversation's value of it.
	 */
	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		CustomFieldDefinition current = this.fields.find(workspace, id).orElseThrow(CustomFieldNotFound::new);
		this.fields.remove(workspace, id);
		this.events.record(workspace, EventType.DEFINITION_DELETED, actor, id, DefinitionPayload.of(current));
	}

}

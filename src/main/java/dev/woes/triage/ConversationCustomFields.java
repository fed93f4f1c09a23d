package dev.woes.triage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.definition.CustomFieldDefinition;
import dev.woes.definition.CustomFieldManagement;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A conversation's custom field values, keyed by field id. Values are checked against
 * their field's type and options when written; null clears a value. Only enabled fields
 * take values, and only their values are shown.
 */
@Service
public class ConversationCustomFields {

	private final ConversationManagement conversations;

	private final CustomFieldManagement fields;

	private final FieldValues values;

	private final EventLog events;

	ConversationCustomFields(ConversationManagement conversations, CustomFieldManagement fields, FieldValues values,
			EventLog events) {
		this.conversations = conversations;
		this.fields = fields;
		this.values = values;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Map<UUID, JsonNode> values(WorkspaceId workspace, ConversationId id) {
		this.conversations.requireExists(workspace, id);
		return shown(workspace, id);
	}

	/**
	 * Sets the given values (a null value clears the field) and leaves the others.
	 * @param changes field id (as text) to value
	 */
	@Transactional
	public Map<UUID, JsonNode> change(WorkspaceId workspace, Actor actor, ConversationId id,
			Map<String, JsonNode> changes) {
		if (changes.isEmpty()) {
			throw new InvalidRequest("A PATCH body must carry at least one custom field id.");
		}
		this.conversations.lock(workspace, id);
		Map<UUID, CustomFieldDefinition> known = new LinkedHashMap<>();
		this.fields.list(workspace).forEach((field) -> known.put(field.id(), field));
		Map<UUID, JsonNode> before = this.values.list(workspace, id);
		Map<String, Object> changed = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> change : changes.entrySet()) {
			CustomFieldDefinition field = Uuids.parse(change.getKey())
				.map(known::get)
				.orElseThrow(() -> new InvalidRequest(
						"Custom field " + change.getKey() + " is not a custom field of this workspace."));
			if (!field.enabled()) {
				throw new InvalidRequest("Custom field " + field.id() + " (" + field.label() + ") is disabled.");
			}
			JsonNode value = change.getValue();
			if (value == null || value.isNull()) {
				this.values.remove(workspace, id, field.id());
				if (before.containsKey(field.id())) {
					changed.put(field.id().toString(), null);
				}
			}
			else {
				JsonNode accepted = field.accept(value);
				this.values.put(workspace, id, field.id(), accepted);
				if (!Objects.equals(before.get(field.id()), accepted)) {
					changed.put(field.id().toString(), accepted);
				}
			}
		}
		if (!changed.isEmpty()) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("conversationId", id.toString());
			data.put("changes", changed);
			this.events.record(workspace, EventType.CONVERSATION_CUSTOM_FIELDS_UPDATED, actor, id.value(), data);
		}
		return shown(workspace, id);
	}

	private Map<UUID, JsonNode> shown(WorkspaceId workspace, ConversationId id) {
		Map<UUID, JsonNode> shown = new LinkedHashMap<>();
		Map<UUID, JsonNode> stored = this.values.list(workspace, id);
		for (CustomFieldDefinition field : this.fields.list(workspace)) {
			if (field.enabled() && stored.containsKey(field.id())) {
				shown.put(field.id(), stored.get(field.id()));
			}
		}
		return shown;
	}

}

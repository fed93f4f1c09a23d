package dev.woes.triage;

import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;

/**
 * The custom field values of each conversation, keyed by field id.
 */
public interface FieldValues {

	Map<UUID, JsonNode> list(WorkspaceId workspace, ConversationId conversation);

	void put(WorkspaceId workspace, ConversationId conversation, UUID fieldId, JsonNode value);

	void remove(WorkspaceId workspace, ConversationId conversation, UUID fieldId);

}

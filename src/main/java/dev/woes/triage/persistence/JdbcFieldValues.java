package dev.woes.triage.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.triage.FieldValues;
import dev.woes.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFieldValues implements FieldValues {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcFieldValues(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public Map<UUID, JsonNode> list(WorkspaceId workspace, ConversationId conversation) {
		Map<UUID, JsonNode> values = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT field_id, value FROM conversation_custom_field_values
				WHERE workspace_id = :workspace AND conversation_id = :id
				ORDER BY field_id
				""").param("workspace", workspace.value()).param("id", conversation.value()).query((row) -> {
			values.put(row.getObject("field_id", UUID.class), this.json.readTree(row.getString("value")));
		});
		return values;
	}

	@Override
	public void put(WorkspaceId workspace, ConversationId conversation, UUID fieldId, JsonNode value) {
		this.jdbc.sql("""
				INSERT INTO conversation_custom_field_values (workspace_id, conversation_id, field_id, value)
				VALUES (:workspace, :id, :field, CAST(:value AS jsonb))
				ON CONFLICT (workspace_id, conversation_id, field_id) DO UPDATE SET value = CAST(:value AS jsonb)
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.param("field", fieldId)
			.param("value", this.json.writeValueAsString(value))
			.update();
	}

	@Override
	public void remove(WorkspaceId workspace, ConversationId conversation, UUID fieldId) {
		this.jdbc.sql("""
				DELETE FROM conversation_custom_field_values
				WHERE workspace_id = :workspace AND conversation_id = :id AND field_id = :field
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.param("field", fieldId)
			.update();
	}

}

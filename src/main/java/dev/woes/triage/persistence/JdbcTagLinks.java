package dev.woes.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.definition.TagDefinition;
import dev.woes.definition.TagScope;
import dev.woes.shared.Timestamps;
import dev.woes.triage.TagLinks;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTagLinks implements TagLinks {

	private final JdbcClient jdbc;

	JdbcTagLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TagDefinition> list(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc.sql("""
				SELECT t.tag_id, t.name, t.scope, t.color, t.description
				FROM conversation_tags ct
				JOIN tag_definitions t ON t.workspace_id = ct.workspace_id AND t.tag_id = ct.tag_id
				WHERE ct.workspace_id = :workspace AND ct.conversation_id = :id
				ORDER BY lower(t.name)
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.query((row, number) -> new TagDefinition(row.getObject("tag_id", UUID.class), row.getString("name"),
					TagScope.fromWireName(row.getString("scope")).orElseThrow(), row.getString("color"),
					row.getString("description")))
			.list();
	}

	@Override
	public void add(WorkspaceId workspace, ConversationId conversation, UUID tagId, Instant now) {
		this.jdbc.sql("""
				INSERT INTO conversation_tags (workspace_id, conversation_id, tag_id, added_at)
				VALUES (:workspace, :id, :tag, :at)
				ON CONFLICT DO NOTHING
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.param("tag", tagId)
			.param("at", Timestamps.toSql(now))
			.update();
	}

	@Override
	public void remove(WorkspaceId workspace, ConversationId conversation, UUID tagId) {
		this.jdbc
			.sql("""
					DELETE FROM conversation_tags WHERE workspace_id = :workspace AND conversation_id = :id AND tag_id = :tag
					""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.param("tag", tagId)
			.update();
	}

}

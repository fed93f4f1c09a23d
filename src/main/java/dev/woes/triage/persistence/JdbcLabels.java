package dev.woes.triage.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.database.AtCommit;
import dev.woes.shared.Timestamps;
import dev.woes.triage.Labels;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLabels implements Labels {

	private final JdbcClient jdbc;

	private final AtCommit atCommit;

	JdbcLabels(JdbcClient jdbc, AtCommit atCommit) {
		this.jdbc = jdbc;
		this.atCommit = atCommit;
	}

	@Override
	public Optional<UUID> find(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc.sql("""
				SELECT status_id FROM conversation_labels WHERE workspace_id = :workspace AND conversation_id = :id
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.query(UUID.class)
			.optional();
	}

	@Override
	public void putAtCommit(WorkspaceId workspace, ConversationId conversation, UUID statusId, Instant now) {
		this.atCommit.sql("""
				INSERT INTO conversation_labels (workspace_id, conversation_id, status_id, labelled_at)
				VALUES (:workspace, :id, :status, :at)
				ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET status_id = :status, labelled_at = :at
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.param("status", statusId)
			.param("at", Timestamps.toSql(now))
			.queue();
	}

	@Override
	public void removeAtCommit(WorkspaceId workspace, ConversationId conversation) {
		this.atCommit.sql("DELETE FROM conversation_labels WHERE workspace_id = :workspace AND conversation_id = :id")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.queue();
	}

}

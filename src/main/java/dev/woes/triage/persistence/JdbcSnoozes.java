package dev.woes.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.shared.Timestamps;
import dev.woes.triage.Snoozes;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSnoozes implements Snoozes {

	private final JdbcClient jdbc;

	JdbcSnoozes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Instant> find(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc.sql("""
				SELECT wake_at FROM conversation_snoozes WHERE workspace_id = :workspace AND conversation_id = :id
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.query((row, number) -> Timestamps.fromSql(row, "wake_at"))
			.optional();
	}

	@Override
	public void put(WorkspaceId workspace, ConversationId conversation, Instant wakeAt, Instant now) {
		this.jdbc.sql("""
				INSERT INTO conversation_snoozes (workspace_id, conversation_id, wake_at, snoozed_at)
				VALUES (:workspace, :id, :wakeAt, :at)
				ON CONFLICT (workspace_id, conversation_id) DO UPDATE SET wake_at = :wakeAt, snoozed_at = :at
				""")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.param("wakeAt", Timestamps.toSql(wakeAt))
			.param("at", Timestamps.toSql(now))
			.update();
	}

	@Override
	public void remove(WorkspaceId workspace, ConversationId conversation) {
		this.jdbc.sql("DELETE FROM conversation_snoozes WHERE workspace_id = :workspace AND conversation_id = :id")
			.param("workspace", workspace.value())
			.param("id", conversation.value())
			.update();
	}

	@Override
	public List<DueSnooze> claimDue(Instant now, int batch) {
		// Locks the snooze and its conversation together and skips either when another
		// transaction holds it: a claimer never waits, so it cannot deadlock with a
		// request that changes the conversation, and never claims what another claimer
		// holds.
		return this.jdbc.sql("""
				SELECT s.workspace_id, s.conversation_id
				FROM conversation_snoozes s
				JOIN conversations c ON c.workspace_id = s.workspace_id AND c.conversation_id = s.conversation_id
				WHERE s.wake_at <= :now
				ORDER BY s.wake_at
				LIMIT :batch
				FOR UPDATE OF s, c SKIP LOCKED
				""")
			.param("now", Timestamps.toSql(now))
			.param("batch", batch)
			.query((row, number) -> new DueSnooze(new WorkspaceId(row.getObject("workspace_id", UUID.class)),
					new ConversationId(row.getObject("conversation_id", UUID.class))))
			.list();
	}

}

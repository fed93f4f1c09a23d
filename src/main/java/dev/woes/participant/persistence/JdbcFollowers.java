package dev.woes.participant.persistence;

import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.operator.OperatorNotFound;
import dev.woes.participant.Follower;
import dev.woes.participant.Followers;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFollowers implements Followers {

	private final JdbcClient jdbc;

	JdbcFollowers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean add(WorkspaceId workspace, ConversationId conversation, Follower follower) {
		try {
			return this.jdbc.sql("""
					INSERT INTO conversation_followers (workspace_id, conversation_id, operator_id, added_at)
					VALUES (:workspace, :conversation, :operator, :at)
					ON CONFLICT DO NOTHING
					""")
				.param("workspace", workspace.value())
				.param("conversation", conversation.value())
				.param("operator", follower.operatorId())
				.param("at", Timestamps.toSql(follower.addedAt()))
				.update() > 0;
		}
		catch (DataIntegrityViolationException ex) {
			// The operator was deleted after it was looked up.
			throw new OperatorNotFound();
		}
	}

	@Override
	public boolean remove(WorkspaceId workspace, ConversationId conversation, UUID operatorId) {
		return this.jdbc.sql("""
				DELETE FROM conversation_followers
				WHERE workspace_id = :workspace AND conversation_id = :conversation AND operator_id = :operator
				""")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("operator", operatorId)
			.update() > 0;
	}

	@Override
	public List<Follower> of(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc.sql("""
				SELECT operator_id, added_at FROM conversation_followers
				WHERE workspace_id = :workspace AND conversation_id = :conversation
				ORDER BY added_at, operator_id
				""")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.query((row, number) -> new Follower(row.getObject("operator_id", UUID.class),
					Timestamps.fromSql(row, "added_at")))
			.list();
	}

}

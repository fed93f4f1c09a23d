package dev.woes.message.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.database.AtCommit;
import dev.woes.message.AuthorActivity;
import dev.woes.message.Message;
import dev.woes.message.MessageAuthor;
import dev.woes.message.MessageId;
import dev.woes.message.Messages;
import dev.woes.message.Role;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMessages implements Messages {

	private final JdbcClient jdbc;

	private final AtCommit atCommit;

	JdbcMessages(JdbcClient jdbc, AtCommit atCommit) {
		this.jdbc = jdbc;
		this.atCommit = atCommit;
	}

	@Override
	public void add(WorkspaceId workspace, Message message) {
		this.atCommit.sql("""
				INSERT INTO messages (workspace_id, conversation_id, position, message_id, role, body, delivery_status,
				                      created_at, author_type, author_id)
				VALUES (:workspace, :conversation, :position, :id, :role, :body, :deliveryStatus, :createdAt,
				        :authorType, :authorId)
				""")
			.param("workspace", workspace.value())
			.param("conversation", message.conversationId().value())
			.param("position", message.position())
			.param("id", message.id().value())
			.param("role", message.role().wireName())
			.param("body", message.body())
			.param("deliveryStatus", message.deliveryStatus())
			.param("createdAt", Timestamps.toSql(message.createdAt()))
			.param("authorType", message.author().type())
			.param("authorId", message.author().id())
			.queue();
	}

	@Override
	public List<Message> list(WorkspaceId workspace, ConversationId conversation, long afterPosition, int rows) {
		return this.jdbc
			.sql("""
					SELECT conversation_id, position, message_id, role, body, delivery_status, created_at, author_type, author_id
					FROM messages
					WHERE workspace_id = :workspace AND conversation_id = :conversation AND position > :after
					ORDER BY position
					"""
					+ ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("after", afterPosition)
			.query(JdbcMessages::message)
			.list();
	}

	@Override
	public List<AuthorActivity> authors(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc.sql("""
				SELECT author_type, author_id, min(created_at) AS first_at, max(created_at) AS last_at
				FROM messages
				WHERE workspace_id = :workspace AND conversation_id = :conversation
				GROUP BY author_type, author_id
				ORDER BY min(position)
				""")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.query((row, number) -> new AuthorActivity(
					new MessageAuthor(row.getString("author_type"), row.getString("author_id")),
					Timestamps.fromSql(row, "first_at"), Timestamps.fromSql(row, "last_at")))
			.list();
	}

	@Override
	public OptionalLong positionOf(WorkspaceId workspace, ConversationId conversation, MessageId message) {
		List<Long> found = this.jdbc.sql("""
				SELECT position FROM messages
				WHERE workspace_id = :workspace AND conversation_id = :conversation AND message_id = :id
				""")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("id", message.value())
			.query(Long.class)
			.list();
		return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
	}

	@Override
	public Optional<Message> find(WorkspaceId workspace, ConversationId conversation, MessageId message) {
		return this.jdbc
			.sql("""
					SELECT conversation_id, position, message_id, role, body, delivery_status, created_at, author_type, author_id
					FROM messages
					WHERE workspace_id = :workspace AND conversation_id = :conversation AND message_id = :id
					""")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("id", message.value())
			.query(JdbcMessages::message)
			.optional();
	}

	@Override
	public List<Message> afterTime(WorkspaceId workspace, ConversationId conversation, Instant at, long position,
			int rows) {
		return this.jdbc
			.sql("""
					SELECT conversation_id, position, message_id, role, body, delivery_status, created_at, author_type, author_id
					FROM messages
					WHERE workspace_id = :workspace AND conversation_id = :conversation
					  AND (created_at, position) > (:at, :position)
					ORDER BY created_at, position
					"""
					+ ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("at", Timestamps.toSql(at))
			.param("position", position)
			.query(JdbcMessages::message)
			.list();
	}

	private static Message message(ResultSet row, int number) throws SQLException {
		return new Message(new MessageId(row.getObject("message_id", UUID.class)),
				new ConversationId(row.getObject("conversation_id", UUID.class)), row.getLong("position"),
				Role.fromWireName(row.getString("role")).orElseThrow(), row.getString("body"),
				row.getString("delivery_status"), Timestamps.fromSql(row, "created_at"),
				new MessageAuthor(row.getString("author_type"), row.getString("author_id")));
	}

}

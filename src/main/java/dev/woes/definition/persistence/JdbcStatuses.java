package dev.woes.definition.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationStatus;
import dev.woes.definition.StatusDefinition;
import dev.woes.definition.Statuses;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStatuses implements Statuses {

	private static final String COLUMNS = "status_id, label, lifecycle, enabled, rank, tone, color";

	private final JdbcClient jdbc;

	JdbcStatuses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<StatusDefinition> list(WorkspaceId workspace) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM status_definitions WHERE workspace_id = :workspace ORDER BY rank, status_id")
			.param("workspace", workspace.value())
			.query(JdbcStatuses::status)
			.list();
	}

	@Override
	public Optional<StatusDefinition> find(WorkspaceId workspace, UUID id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM status_definitions WHERE workspace_id = :workspace AND status_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.query(JdbcStatuses::status)
			.optional();
	}

	@Override
	public void add(WorkspaceId workspace, StatusDefinition status, Instant now) {
		Duplicates.refuse(() -> this.jdbc.sql("""
				INSERT INTO status_definitions (workspace_id, status_id, label, lifecycle, enabled, rank, tone, color,
				                                created_at)
				VALUES (:workspace, :id, :label, :lifecycle, :enabled, :rank, :tone, :color, :createdAt)
				""")
			.param("workspace", workspace.value())
			.param("id", status.id())
			.param("label", status.label())
			.param("lifecycle", status.lifecycle().wireName())
			.param("enabled", status.enabled())
			.param("rank", status.rank())
			.param("tone", status.tone())
			.param("color", status.color())
			.param("createdAt", Timestamps.toSql(now))
			.update(), duplicate(status));
	}

	@Override
	public void update(WorkspaceId workspace, StatusDefinition status) {
		Duplicates.refuse(() -> this.jdbc.sql("""
				UPDATE status_definitions SET label = :label, enabled = :enabled, rank = :rank, tone = :tone,
				       color = :color
				WHERE workspace_id = :workspace AND status_id = :id
				""")
			.param("label", status.label())
			.param("enabled", status.enabled())
			.param("rank", status.rank())
			.param("tone", status.tone())
			.param("color", status.color())
			.param("workspace", workspace.value())
			.param("id", status.id())
			.update(), duplicate(status));
	}

	@Override
	public void remove(WorkspaceId workspace, UUID id) {
		this.jdbc.sql("DELETE FROM status_definitions WHERE workspace_id = :workspace AND status_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.update();
	}

	@Override
	public int nextRank(WorkspaceId workspace) {
		return this.jdbc
			.sql("SELECT coalesce(max(rank), 0) + 1 FROM status_definitions WHERE workspace_id = :workspace")
			.param("workspace", workspace.value())
			.query(Integer.class)
			.single();
	}

	private static String duplicate(StatusDefinition status) {
		return "A status labelled " + status.label() + " already exists.";
	}

	private static StatusDefinition status(ResultSet row, int number) throws SQLException {
		return new StatusDefinition(row.getObject("status_id", UUID.class), row.getString("label"),
				ConversationStatus.fromWireName(row.getString("lifecycle")).orElseThrow(), row.getBoolean("enabled"),
				row.getInt("rank"), row.getString("tone"), row.getString("color"));
	}

}

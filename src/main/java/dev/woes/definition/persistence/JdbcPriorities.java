package dev.woes.definition.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.definition.Priorities;
import dev.woes.definition.PriorityDefinition;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPriorities implements Priorities {

	private static final String COLUMNS = "priority_id, label, enabled, highlight_in_queue, rank, tone, color";

	private final JdbcClient jdbc;

	JdbcPriorities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<PriorityDefinition> list(WorkspaceId workspace) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM priority_definitions WHERE workspace_id = :workspace ORDER BY rank, priority_id")
			.param("workspace", workspace.value())
			.query(JdbcPriorities::priority)
			.list();
	}

	@Override
	public Optional<PriorityDefinition> find(WorkspaceId workspace, UUID id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM priority_definitions WHERE workspace_id = :workspace AND priority_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.query(JdbcPriorities::priority)
			.optional();
	}

	@Override
	public void add(WorkspaceId workspace, PriorityDefinition priority, Instant now) {
		Duplicates.refuse(() -> this.jdbc.sql("""
				INSERT INTO priority_definitions (workspace_id, priority_id, label, enabled, highlight_in_queue, rank,
				                                  tone, color, created_at)
				VALUES (:workspace, :id, :label, :enabled, :highlight, :rank, :tone, :color, :createdAt)
				""")
			.param("workspace", workspace.value())
			.param("id", priority.id())
			.param("label", priority.label())
			.param("enabled", priority.enabled())
			.param("highlight", priority.highlightInQueue())
			.param("rank", priority.rank())
			.param("tone", priority.tone())
			.param("color", priority.color())
			.param("createdAt", Timestamps.toSql(now))
			.update(), duplicate(priority));
	}

	@Override
	public void update(WorkspaceId workspace, PriorityDefinition priority) {
		Duplicates.refuse(() -> this.jdbc.sql("""
				UPDATE priority_definitions SET label = :label, enabled = :enabled, highlight_in_queue = :highlight,
				       rank = :rank, tone = :tone, color = :color
				WHERE workspace_id = :workspace AND priority_id = :id
				""")
			.param("label", priority.label())
			.param("enabled", priority.enabled())
			.param("highlight", priority.highlightInQueue())
			.param("rank", priority.rank())
			.param("tone", priority.tone())
			.param("color", priority.color())
			.param("workspace", workspace.value())
			.param("id", priority.id())
			.update(), duplicate(priority));
	}

	@Override
	public void remove(WorkspaceId workspace, UUID id) {
		this.jdbc.sql("DELETE FROM priority_definitions WHERE workspace_id = :workspace AND priority_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.update();
	}

	@Override
	public int nextRank(WorkspaceId workspace) {
		return this.jdbc
			.sql("SELECT coalesce(max(rank), 0) + 1 FROM priority_definitions WHERE workspace_id = :workspace")
			.param("workspace", workspace.value())
			.query(Integer.class)
			.single();
	}

	private static String duplicate(PriorityDefinition priority) {
		return "A priority labelled " + priority.label() + " already exists.";
	}

	private static PriorityDefinition priority(ResultSet row, int number) throws SQLException {
		return new PriorityDefinition(row.getObject("priority_id", UUID.class), row.getString("label"),
				row.getBoolean("enabled"), row.getBoolean("highlight_in_queue"), row.getInt("rank"),
				row.getString("tone"), row.getString("color"));
	}

}

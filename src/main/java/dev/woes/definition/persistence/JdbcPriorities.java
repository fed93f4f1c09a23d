package dev.woes.definition.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import dev.woes.definition.Priorities;
import dev.woes.definition.PriorityDefinition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPriorities extends JdbcOrderedDefinitions<PriorityDefinition> implements Priorities {

	private static final String INSERT = """
			INSERT INTO priority_definitions (workspace_id, priority_id, label, enabled, highlight_in_queue, rank,
			                                  tone, color, created_at)
			VALUES (:workspace, :id, :label, :enabled, :highlight, :rank, :tone, :color, :createdAt)
			""";

	private static final String UPDATE = """
			UPDATE priority_definitions SET label = :label, enabled = :enabled, highlight_in_queue = :highlight,
			       rank = :rank, tone = :tone, color = :color
			WHERE workspace_id = :workspace AND priority_id = :id
			""";

	JdbcPriorities(JdbcClient jdbc) {
		super(jdbc, "priority_definitions", "priority_id",
				"priority_id, label, enabled, highlight_in_queue, rank, tone, color", INSERT, UPDATE,
				JdbcPriorities::priority);
	}

	@Override
	UUID id(PriorityDefinition priority) {
		return priority.id();
	}

	@Override
	Map<String, Object> values(PriorityDefinition priority) {
		return Map.of("label", priority.label(), "enabled", priority.enabled(), "highlight",
				priority.highlightInQueue(), "rank", priority.rank(), "tone", priority.tone(), "color",
				priority.color());
	}

	@Override
	String duplicate(PriorityDefinition priority) {
		return "A priority labelled " + priority.label() + " already exists.";
	}

	private static PriorityDefinition priority(ResultSet row, int number) throws SQLException {
		return new PriorityDefinition(row.getObject("priority_id", UUID.class), row.getString("label"),
				row.getBoolean("enabled"), row.getBoolean("highlight_in_queue"), row.getInt("rank"),
				row.getString("tone"), row.getString("color"));
	}

}

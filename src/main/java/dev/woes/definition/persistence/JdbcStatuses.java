package dev.woes.definition.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.ConversationStatus;
import dev.woes.definition.StatusDefinition;
import dev.woes.definition.Statuses;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStatuses extends JdbcOrderedDefinitions<StatusDefinition> implements Statuses {

	private static final String INSERT = """
			INSERT INTO status_definitions (workspace_id, status_id, label, lifecycle, enabled, rank, tone, color,
			                                created_at)
			VALUES (:workspace, :id, :label, :lifecycle, :enabled, :rank, :tone, :color, :createdAt)
			""";

	private static final String UPDATE = """
			UPDATE status_definitions SET label = :label, enabled = :enabled, rank = :rank, tone = :tone,
			       color = :color
			WHERE workspace_id = :workspace AND status_id = :id
			""";

	JdbcStatuses(JdbcClient jdbc) {
		super(jdbc, "status_definitions", "status_id", "status_id, label, lifecycle, enabled, rank, tone, color",
				INSERT, UPDATE, JdbcStatuses::status);
	}

	@Override
	UUID id(StatusDefinition status) {
		return status.id();
	}

	@Override
	Map<String, Object> values(StatusDefinition status) {
		return Map.of("label", status.label(), "lifecycle", status.lifecycle().wireName(), "enabled", status.enabled(),
				"rank", status.rank(), "tone", status.tone(), "color", status.color());
	}

	@Override
	String duplicate(StatusDefinition status) {
		return "A status labelled " + status.label() + " already exists.";
	}

	private static StatusDefinition status(ResultSet row, int number) throws SQLException {
		return new StatusDefinition(row.getObject("status_id", UUID.class), row.getString("label"),
				ConversationStatus.fromWireName(row.getString("lifecycle")).orElseThrow(), row.getBoolean("enabled"),
				row.getInt("rank"), row.getString("tone"), row.getString("color"));
	}

}

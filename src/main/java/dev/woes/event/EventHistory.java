package dev.woes.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the history of one record (a conversation, an issue): the events whose subject it
 * is, in the order they happened ({@code occurredAt}, then the log's sequence). Unlike
 * the {@link EventFeed} it shows what has committed so far, for views of a record rather
 * than for readers that resume from a cursor.
 */
@Component
public class EventHistory {

	private static final String COLUMNS = """
			event_id, tx_id::text AS tx_text, seq, type, occurred_at, actor_type, actor_id, subject_id,
			data::text AS data""";

	private final JdbcClient jdbc;

	EventHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An event of the record, if it exists (and is still retained).
	 */
	public Optional<StoredEvent> find(WorkspaceId workspace, UUID subjectId, UUID eventId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM events
				WHERE workspace_id = :workspace AND subject_id = :subject AND event_id = :id
				""")
			.param("workspace", workspace.value())
			.param("subject", subjectId)
			.param("id", eventId)
			.query(EventHistory::event)
			.optional();
	}

	/**
	 * The latest event of the record with that type whose data holds {@code value} at
	 * {@code dataPath} (e.g. {@code ["note", "id"]}), if one is retained.
	 */
	public Optional<StoredEvent> latest(WorkspaceId workspace, UUID subjectId, EventType type, List<String> dataPath,
			String value) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM events
				WHERE workspace_id = :workspace AND subject_id = :subject AND type = :type
				  AND data #>> CAST(:path AS text[]) = :value
				ORDER BY occurred_at DESC, seq DESC
				LIMIT 1
				""")
			.param("workspace", workspace.value())
			.param("subject", subjectId)
			.param("type", type.wireName())
			.param("path", "{" + String.join(",", dataPath) + "}")
			.param("value", value)
			.query(EventHistory::event)
			.optional();
	}

	/**
	 * Up to {@code rows} events of the record whose {@code (occurredAt, sequence)} sorts
	 * after {@code (at, sequence)}, in that order.
	 * @param excludedTypes wire names to leave out; every other type, including types
	 * added later, is kept
	 */
	public List<StoredEvent> after(WorkspaceId workspace, UUID subjectId, Collection<String> excludedTypes, Instant at,
			long sequence, int rows) {
		String typeFilter = excludedTypes.isEmpty() ? "" : " AND type NOT IN (:excluded)";
		var statement = this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM events
				WHERE workspace_id = :workspace AND subject_id = :subject
				  AND (occurred_at, seq) > (:at, :seq)""" + typeFilter + """

				ORDER BY occurred_at, seq
				""" + ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("subject", subjectId)
			.param("at", Timestamps.toSql(at))
			.param("seq", sequence);
		if (!excludedTypes.isEmpty()) {
			statement = statement.param("excluded", List.copyOf(excludedTypes));
		}
		return statement.query(EventHistory::event).list();
	}

	private static StoredEvent event(ResultSet row, int number) throws SQLException {
		return new StoredEvent(row.getObject("event_id", UUID.class),
				new EventCursor(row.getString("tx_text"), row.getLong("seq")), row.getString("type"),
				Timestamps.fromSql(row, "occurred_at"),
				new Actor(row.getString("actor_type"), row.getString("actor_id")),
				row.getObject("subject_id", UUID.class), row.getString("data"));
	}

}

package dev.woes.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a workspace's events in feed order. Only events whose writing transaction is
 * older than the oldest transaction still running are passed: those can no longer be
 * joined by an event that sorts before them, so a reader that resumes from its last
 * cursor never misses an event and never sees one twice. The price is that a long-open
 * transaction anywhere in the database holds the feed back until it ends.
 */
@Component
public class EventFeed {

	private static final String COLUMNS = """
			event_id, tx_id::text AS tx_text, seq, type, occurred_at, actor_type, actor_id, subject_id,
			data::text AS data""";

	private final JdbcClient jdbc;

	/**
	 * The feed's rule as SQL, for a statement that reads the feed itself: the events of
	 * the workspace {@code :workspace} after the cursor ({@code :tx} as text,
	 * {@code :seq}) that have settled, with the events table aliased {@code alias}. Order
	 * them by {@link #order(String)}; transaction ids compare as numbers ({@code xid8}),
	 * never as text.
	 */
	public static String settledAfter(String alias) {
		return alias + ".workspace_id = :workspace AND (" + alias + ".tx_id, " + alias
				+ ".seq) > (CAST(:tx AS xid8), :seq) AND " + alias + ".tx_id < pg_snapshot_xmin(pg_current_snapshot())";
	}

	/**
	 * Feed order, oldest first, with the events table aliased {@code alias}.
	 */
	public static String order(String alias) {
		return alias + ".tx_id, " + alias + ".seq";
	}

	EventFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The position of an event of the workspace, if it exists (and is still retained).
	 */
	public Optional<EventCursor> cursorOf(WorkspaceId workspace, UUID eventId) {
		return this.jdbc
			.sql("SELECT tx_id::text AS tx_text, seq FROM events WHERE workspace_id = :workspace"
					+ " AND event_id = :id")
			.param("workspace", workspace.value())
			.param("id", eventId)
			.query((row, number) -> new EventCursor(row.getString("tx_text"), row.getLong("seq")))
			.optional();
	}

	/**
	 * Up to {@code limit} settled events after the cursor, oldest first.
	 * @param types wire names to keep; empty keeps every type
	 */
	public List<StoredEvent> after(WorkspaceId workspace, EventCursor cursor, Collection<String> types, int limit) {
		String typeFilter = types.isEmpty() ? "" : " AND type IN (:types)";
		var statement = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM events e WHERE " + settledAfter("e") + typeFilter + " ORDER BY "
					+ order("e") + " LIMIT :limit")
			.param("workspace", workspace.value())
			.param("tx", cursor.transaction())
			.param("seq", cursor.sequence())
			.param("limit", limit);
		if (!types.isEmpty()) {
			statement = statement.param("types", List.copyOf(types));
		}
		return statement.query(EventFeed::event).list();
	}

	/**
	 * Up to {@code limit} events after the cursor, all types, and whether more committed
	 * ones are held back by an older transaction still running. One query serves every
	 * stream of the workspace on this node.
	 */
	public FeedBatch read(WorkspaceId workspace, EventCursor cursor, int limit) {
		List<Row> rows = this.jdbc.sql("SELECT " + COLUMNS + """
				, tx_id < pg_snapshot_xmin(pg_current_snapshot()) AS settled
				 FROM events
				WHERE workspace_id = :workspace
				  AND (tx_id, seq) > (CAST(:tx AS xid8), :seq)
				ORDER BY tx_id, seq
				LIMIT :limit
				""")
			.param("workspace", workspace.value())
			.param("tx", cursor.transaction())
			.param("seq", cursor.sequence())
			.param("limit", limit)
			.query((row, number) -> new Row(event(row, number), row.getBoolean("settled")))
			.list();
		// Settled rows sort first: their transactions are older than any unsettled one's.
		List<StoredEvent> settled = rows.stream().takeWhile(Row::settled).map(Row::event).toList();
		return new FeedBatch(settled, settled.size() < rows.size());
	}

	/**
	 * The position of the workspace's latest settled event: reading after it answers only
	 * what settles from now on.
	 */
	public EventCursor latest(WorkspaceId workspace) {
		return this.jdbc.sql("""
				SELECT tx_id::text AS tx_text, seq FROM events
				WHERE workspace_id = :workspace AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
				ORDER BY tx_id DESC, seq DESC
				LIMIT 1
				""")
			.param("workspace", workspace.value())
			.query((row, number) -> new EventCursor(row.getString("tx_text"), row.getLong("seq")))
			.optional()
			.orElse(EventCursor.START);
	}

	private record Row(StoredEvent event, boolean settled) {
	}

	private static StoredEvent event(ResultSet row, int number) throws SQLException {
		return new StoredEvent(row.getObject("event_id", UUID.class),
				new EventCursor(row.getString("tx_text"), row.getLong("seq")), row.getString("type"),
				Timestamps.fromSql(row, "occurred_at"),
				new Actor(row.getString("actor_type"), row.getString("actor_id")),
				row.getObject("subject_id", UUID.class), row.getString("data"));
	}

}

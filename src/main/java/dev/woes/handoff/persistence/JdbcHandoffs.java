package dev.woes.handoff.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.handoff.Handoff;
import dev.woes.handoff.Handoffs;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHandoffs implements Handoffs {

	private static final String COLUMNS = """
			handoff_id, conversation_id, reason, requested_by, team_id, requested_at, taken_over_at, taken_over_by,
			released_at""";

	/**
	 * Keyset paging: resume strictly after the cursor's place in the order of requests.
	 */
	private static final String AFTER = " AND (requested_at, handoff_id) > (SELECT requested_at, handoff_id"
			+ " FROM handoffs WHERE workspace_id = :workspace AND handoff_id = :after)";

	private final JdbcClient jdbc;

	JdbcHandoffs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, Handoff handoff) {
		this.jdbc.sql("INSERT INTO handoffs (workspace_id, " + COLUMNS + """
				) VALUES (:workspace, :id, :conversation, :reason, :requestedBy, :team, :requestedAt, :takenOverAt,
				:takenOverBy, :releasedAt)
				""")
			.param("workspace", workspace.value())
			.param("id", handoff.id())
			.param("conversation", handoff.conversationId().value())
			.param("reason", handoff.reason())
			.param("requestedBy", handoff.requestedBy())
			.param("team", handoff.teamId())
			.param("requestedAt", Timestamps.toSql(handoff.requestedAt()))
			.param("takenOverAt", Timestamps.toSql(handoff.takenOverAt()))
			.param("takenOverBy", handoff.takenOverBy())
			.param("releasedAt", Timestamps.toSql(handoff.releasedAt()))
			.update();
	}

	@Override
	public void update(WorkspaceId workspace, Handoff handoff) {
		this.jdbc
			.sql("""
					UPDATE handoffs SET taken_over_at = :takenOverAt, taken_over_by = :takenOverBy, released_at = :releasedAt
					WHERE workspace_id = :workspace AND handoff_id = :id
					""")
			.param("takenOverAt", Timestamps.toSql(handoff.takenOverAt()))
			.param("takenOverBy", handoff.takenOverBy())
			.param("releasedAt", Timestamps.toSql(handoff.releasedAt()))
			.param("workspace", workspace.value())
			.param("id", handoff.id())
			.update();
	}

	@Override
	public Optional<Handoff> active(WorkspaceId workspace, ConversationId conversation) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM handoffs WHERE workspace_id = :workspace"
					+ " AND conversation_id = :conversation AND released_at IS NULL")
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.query(JdbcHandoffs::handoff)
			.optional();
	}

	@Override
	public List<Handoff> ofConversation(WorkspaceId workspace, ConversationId conversation, UUID startingAfter,
			int rows) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM handoffs WHERE workspace_id = :workspace"
					+ " AND conversation_id = :conversation" + ((startingAfter != null) ? AFTER : "")
					+ " ORDER BY requested_at, handoff_id " + ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("conversation", conversation.value())
			.param("after", startingAfter)
			.query(JdbcHandoffs::handoff)
			.list();
	}

	@Override
	public List<Handoff> inState(WorkspaceId workspace, String state, UUID startingAfter, int rows) {
		String condition = switch (state) {
			case Handoff.REQUESTED -> " AND taken_over_at IS NULL AND released_at IS NULL";
			case Handoff.TAKEN_OVER -> " AND taken_over_at IS NOT NULL AND released_at IS NULL";
			default -> " AND released_at IS NOT NULL";
		};
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM handoffs WHERE workspace_id = :workspace" + condition
					+ ((startingAfter != null) ? AFTER : "") + " ORDER BY requested_at, handoff_id "
					+ ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("after", startingAfter)
			.query(JdbcHandoffs::handoff)
			.list();
	}

	@Override
	public boolean exists(WorkspaceId workspace, UUID id, ConversationId conversation) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM handoffs WHERE workspace_id = :workspace AND handoff_id = :id"
					+ ((conversation != null) ? " AND conversation_id = :conversation" : "") + ")")
			.param("workspace", workspace.value())
			.param("id", id)
			.param("conversation", (conversation != null) ? conversation.value() : null)
			.query(Boolean.class)
			.single();
	}

	private static Handoff handoff(ResultSet row, int number) throws SQLException {
		return new Handoff(row.getObject("handoff_id", UUID.class),
				new ConversationId(row.getObject("conversation_id", UUID.class)), row.getString("reason"),
				row.getString("requested_by"), row.getObject("team_id", UUID.class),
				Timestamps.fromSql(row, "requested_at"), Timestamps.fromSql(row, "taken_over_at"),
				row.getObject("taken_over_by", UUID.class), Timestamps.fromSql(row, "released_at"));
	}

}

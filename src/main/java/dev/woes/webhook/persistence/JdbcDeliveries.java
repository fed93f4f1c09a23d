package dev.woes.webhook.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.woes.event.EventCursor;
import dev.woes.shared.Timestamps;
import dev.woes.webhook.Deliveries;
import dev.woes.webhook.Delivery;
import dev.woes.webhook.DeliveryId;
import dev.woes.webhook.WebhookId;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeliveries implements Deliveries {

	private static final String COLUMNS = """
			d.delivery_id, d.webhook_id, d.event_id, d.event_type, d.payload, d.state, d.attempts, d.status_code,
			d.response_excerpt, d.error, d.last_attempt_at, d.next_attempt_at, d.created_at, d.completed_at""";

	private static final int INSERT_CHUNK = 1000;

	private final JdbcClient jdbc;

	JdbcDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void commitWithoutFlushWait() {
		this.jdbc.sql("SET LOCAL synchronous_commit = off").update();
	}

	@Override
	public List<WorkspaceId> dispatchedWorkspaces() {
		return this.jdbc.sql("SELECT workspace_id FROM webhook_workspaces ORDER BY workspace_id")
			.query((row, number) -> new WorkspaceId(row.getObject("workspace_id", UUID.class)))
			.list();
	}

	@Override
	public Optional<EventCursor> lockCursor(WorkspaceId workspace) {
		return this.jdbc.sql("""
				SELECT cursor_tx::text AS cursor_tx, cursor_seq FROM webhook_workspaces
				WHERE workspace_id = :workspace FOR UPDATE SKIP LOCKED
				""")
			.param("workspace", workspace.value())
			.query((row, number) -> new EventCursor(row.getString("cursor_tx"), row.getLong("cursor_seq")))
			.optional();
	}

	@Override
	public void moveCursor(WorkspaceId workspace, EventCursor cursor) {
		this.jdbc.sql("""
				UPDATE webhook_workspaces SET cursor_tx = CAST(:tx AS xid8), cursor_seq = :seq
				WHERE workspace_id = :workspace
				""")
			.param("workspace", workspace.value())
			.param("tx", cursor.transaction())
			.param("seq", cursor.sequence())
			.update();
	}

	@Override
	public void add(WorkspaceId workspace, List<Delivery> deliveries) {
		// One statement per chunk of rows: a burst of events to several endpoints costs a
		// few round trips, not one per delivery.
		for (int start = 0; start < deliveries.size(); start += INSERT_CHUNK) {
			List<Delivery> chunk = deliveries.subList(start, Math.min(deliveries.size(), start + INSERT_CHUNK));
			StringBuilder sql = new StringBuilder(
					"""
							INSERT INTO webhook_deliveries (workspace_id, delivery_id, webhook_id, event_id, event_type, payload,
							                                state, attempts, next_attempt_at, created_at) VALUES
							""");
			Map<String, Object> params = new HashMap<>();
			params.put("workspace", workspace.value());
			for (int i = 0; i < chunk.size(); i++) {
				Delivery delivery = chunk.get(i);
				sql.append((i > 0) ? ",\n" : "")
					.append("(:workspace, :id")
					.append(i)
					.append(", :webhook")
					.append(i)
					.append(", :event")
					.append(i)
					.append(", :type")
					.append(i)
					.append(", :payload")
					.append(i)
					.append(", 'pending', 0, :due")
					.append(i)
					.append(", :createdAt")
					.append(i)
					.append(")");
				params.put("id" + i, delivery.id().value());
				params.put("webhook" + i, delivery.webhookId().value());
				params.put("event" + i, delivery.eventId());
				params.put("type" + i, delivery.eventType());
				params.put("payload" + i, delivery.payload());
				params.put("due" + i, Timestamps.toSql(delivery.nextAttemptAt()));
				params.put("createdAt" + i, Timestamps.toSql(delivery.createdAt()));
			}
			this.jdbc.sql(sql.toString()).params(params).update();
		}
	}

	@Override
	public List<Claim> claimDue(WorkspaceId workspace, Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("UPDATE webhook_deliveries d SET attempts = d.attempts + 1, last_attempt_at = :now,"
				+ " next_attempt_at = :leaseUntil FROM webhooks w"
				+ " WHERE w.workspace_id = d.workspace_id AND w.webhook_id = d.webhook_id AND w.enabled"
				+ " AND (d.workspace_id, d.delivery_id) IN (SELECT workspace_id, delivery_id FROM webhook_deliveries"
				+ " WHERE workspace_id = :workspace AND state = 'pending' AND next_attempt_at <= :now"
				+ " ORDER BY next_attempt_at LIMIT :limit" + " FOR UPDATE SKIP LOCKED)" + " RETURNING d.workspace_id, "
				+ COLUMNS + ", w.webhook_id AS w_id,"
				+ " w.name, w.url, w.events, w.enabled, w.disabled_reason, w.secret, w.previous_secret,"
				+ " w.previous_secret_expires_at, w.created_at AS w_created_at, w.updated_at AS w_updated_at")
			.param("workspace", workspace.value())
			.param("now", Timestamps.toSql(now))
			.param("leaseUntil", Timestamps.toSql(leaseUntil))
			.param("limit", limit)
			.query((row, number) -> new Claim(new WorkspaceId(row.getObject("workspace_id", UUID.class)),
					delivery(row, number), WebhookRows.claimed(row)))
			.list();
	}

	@Override
	public boolean recordOutcome(Claim claim, Outcome outcome) {
		Delivery delivery = claim.delivery();
		boolean finished = !Delivery.PENDING.equals(outcome.state());
		int recorded = this.jdbc.sql("""
				UPDATE webhook_deliveries SET state = :state, status_code = :status, response_excerpt = :excerpt,
				       error = :error, next_attempt_at = :next, completed_at = :completed
				WHERE workspace_id = :workspace AND delivery_id = :id AND attempts = :attempts AND state = 'pending'
				""")
			.param("workspace", claim.workspace().value())
			.param("id", delivery.id().value())
			.param("attempts", delivery.attempts())
			.param("state", outcome.state())
			.param("status", outcome.statusCode())
			.param("excerpt", outcome.responseExcerpt())
			.param("error", outcome.error())
			.param("next", Timestamps.toSql(outcome.nextAttemptAt()))
			.param("completed", finished ? Timestamps.toSql(outcome.at()) : null)
			.update();
		if (recorded == 0) {
			return false;
		}
		String failures = switch (outcome.state()) {
			case Delivery.SUCCEEDED -> "failing_since = NULL, failed_deliveries = 0 WHERE (failing_since IS NOT NULL"
					+ " OR failed_deliveries <> 0) AND";
			case Delivery.FAILED ->
				"failing_since = coalesce(failing_since, :at), failed_deliveries = failed_deliveries + 1 WHERE";
			default -> "failing_since = coalesce(failing_since, :at) WHERE";
		};
		// A success touches the endpoint's row only when it ends a run of failures, so
		// concurrent successful deliveries do not queue on that row.
		this.jdbc.sql("UPDATE webhooks SET " + failures + " workspace_id = :workspace AND webhook_id = :webhook")
			.param("workspace", claim.workspace().value())
			.param("webhook", delivery.webhookId().value())
			.param("at", Timestamps.toSql(delivery.lastAttemptAt()))
			.update();
		return true;
	}

	@Override
	public boolean disableIfFailing(WorkspaceId workspace, WebhookId webhook, int failedDeliveries,
			Instant failingBefore, Instant now) {
		int disabled = this.jdbc
			.sql("""
					UPDATE webhooks SET enabled = false, updated_at = :now,
					       disabled_reason = CASE WHEN failed_deliveries >= :failed
					           THEN 'Disabled after ' || failed_deliveries || ' failed deliveries in a row.'
					           ELSE 'Disabled after every attempt failed since ' || to_char(failing_since AT TIME ZONE 'UTC',
					                'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '.' END
					WHERE workspace_id = :workspace AND webhook_id = :webhook AND enabled
					  AND (failed_deliveries >= :failed OR failing_since <= :failingBefore)
					""")
			.param("workspace", workspace.value())
			.param("webhook", webhook.value())
			.param("failed", failedDeliveries)
			.param("failingBefore", Timestamps.toSql(failingBefore))
			.param("now", Timestamps.toSql(now))
			.update();
		if (disabled == 1) {
			failPending(workspace, webhook, "The endpoint was disabled.", now);
			return true;
		}
		return false;
	}

	@Override
	public void failPending(WorkspaceId workspace, WebhookId webhook, String error, Instant now) {
		this.jdbc
			.sql("""
					UPDATE webhook_deliveries SET state = 'failed', error = :error, next_attempt_at = NULL, completed_at = :now
					WHERE workspace_id = :workspace AND webhook_id = :webhook AND state = 'pending'
					""")
			.param("workspace", workspace.value())
			.param("webhook", webhook.value())
			.param("error", error)
			.param("now", Timestamps.toSql(now))
			.update();
	}

	@Override
	public List<Delivery> list(WorkspaceId workspace, WebhookId webhook, DeliveryId startingAfter, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM webhook_deliveries d WHERE d.workspace_id = :workspace AND d.webhook_id = :webhook
				  AND (CAST(:after AS uuid) IS NULL OR d.delivery_id < CAST(:after AS uuid))
				ORDER BY d.delivery_id DESC LIMIT :limit
				""")
			.param("workspace", workspace.value())
			.param("webhook", webhook.value())
			.param("after", (startingAfter != null) ? startingAfter.value() : null)
			.param("limit", limit)
			.query(JdbcDeliveries::delivery)
			.list();
	}

	@Override
	public Optional<Delivery> find(WorkspaceId workspace, WebhookId webhook, DeliveryId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM webhook_deliveries d
				WHERE d.workspace_id = :workspace AND d.webhook_id = :webhook AND d.delivery_id = :id
				""")
			.param("workspace", workspace.value())
			.param("webhook", webhook.value())
			.param("id", id.value())
			.query(JdbcDeliveries::delivery)
			.optional();
	}

	private static Delivery delivery(ResultSet row, int number) throws SQLException {
		int status = row.getInt("status_code");
		Integer statusCode = row.wasNull() ? null : status;
		return new Delivery(new DeliveryId(row.getObject("delivery_id", UUID.class)),
				new WebhookId(row.getObject("webhook_id", UUID.class)), row.getObject("event_id", UUID.class),
				row.getString("event_type"), row.getString("payload"), row.getString("state"), row.getInt("attempts"),
				statusCode, row.getString("response_excerpt"), row.getString("error"),
				Timestamps.fromSql(row, "last_attempt_at"), Timestamps.fromSql(row, "next_attempt_at"),
				Timestamps.fromSql(row, "created_at"), Timestamps.fromSql(row, "completed_at"));
	}

}

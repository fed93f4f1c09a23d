package dev.woes.webhook.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.event.EventCursor;
import dev.woes.event.EventFeed;
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
			d.delivery_id, d.webhook_id, d.event_id, d.event_type, d.state, d.attempts, d.status_code,
			d.response_excerpt, d.error, d.last_attempt_at, d.next_attempt_at, d.created_at, d.completed_at""";

	/**
	 * A version 7 UUID made by the database, as {@code Uuids.v7()} makes them: the
	 * current Unix time in milliseconds over the first 48 bits of a random (version 4)
	 * UUID, whose version bits then become 7.
	 */
	private static final String UUID_V7 = "encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing"
			+ " substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)"
			+ " FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid";

	/**
	 * One dispatch step: the batch of settled events after the cursor, the enabled
	 * endpoints (kept from being deleted until the transaction ends; not even read when
	 * there is no event, since a row lock writes to the row), one delivery per event and
	 * endpoint that receives it, and the cursor moved past the batch. Every part of a
	 * data-modifying {@code WITH} runs to completion, read or not.
	 */
	private static final String QUEUE = """
			WITH batch AS MATERIALIZED (
			    SELECT e.event_id, e.tx_id, e.seq, e.type, e.occurred_at, e.subject_id FROM events e
			    WHERE %s
			    ORDER BY %s
			    LIMIT :limit
			),
			endpoints AS MATERIALIZED (
			    SELECT webhook_id, events, created_at FROM webhooks
			    WHERE workspace_id = :workspace AND enabled AND EXISTS (SELECT 1 FROM batch)
			    FOR KEY SHARE
			),
			queued AS (
			    INSERT INTO webhook_deliveries (workspace_id, delivery_id, webhook_id, event_id, event_type, state,
			                                    attempts, next_attempt_at, created_at)
			    SELECT :workspace, %s, w.webhook_id, b.event_id, b.type, 'pending', 0, :now, :now
			    FROM batch b
			    JOIN endpoints w ON b.occurred_at >= w.created_at
			     AND CASE WHEN b.type = :testType THEN w.webhook_id = b.subject_id
			              ELSE cardinality(w.events) = 0 OR b.type = ANY (w.events) END
			),
			last AS (
			    SELECT tx_id, seq FROM batch ORDER BY tx_id DESC, seq DESC LIMIT 1
			),
			moved AS (
			    UPDATE webhook_workspaces c SET cursor_tx = last.tx_id, cursor_seq = last.seq
			    FROM last WHERE c.workspace_id = :workspace
			)
			SELECT count(*) FROM batch
			""".formatted(EventFeed.settledAfter("e"), EventFeed.order("e"), UUID_V7);

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
	public int queue(WorkspaceId workspace, EventCursor cursor, String testEventType, int limit, Instant now) {
		// The event's data stays in the event: a delivery refers to it by id, and the
		// sender builds the body when it sends. Nothing of the events travels through
		// the JVM here.
		return this.jdbc.sql(QUEUE)
			.param("workspace", workspace.value())
			.param("tx", cursor.transaction())
			.param("seq", cursor.sequence())
			.param("limit", limit)
			.param("testType", testEventType)
			.param("now", Timestamps.toSql(now))
			.query(Integer.class)
			.single();
	}

	@Override
	public int pendingUpTo(WorkspaceId workspace, int bound) {
		// Along the partial index of pending deliveries, and no further than the bound.
		return this.jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM webhook_deliveries
				                      WHERE workspace_id = :workspace AND state = 'pending' LIMIT :bound) AS pending
				""").param("workspace", workspace.value()).param("bound", bound).query(Integer.class).single();
	}

	@Override
	public void add(WorkspaceId workspace, Delivery delivery) {
		this.jdbc.sql("""
				INSERT INTO webhook_deliveries (workspace_id, delivery_id, webhook_id, event_id, event_type, state,
				                                attempts, next_attempt_at, created_at)
				VALUES (:workspace, :id, :webhook, :event, :type, 'pending', 0, :due, :createdAt)
				""")
			.param("workspace", workspace.value())
			.param("id", delivery.id().value())
			.param("webhook", delivery.webhookId().value())
			.param("event", delivery.eventId())
			.param("type", delivery.eventType())
			.param("due", Timestamps.toSql(delivery.nextAttemptAt()))
			.param("createdAt", Timestamps.toSql(delivery.createdAt()))
			.update();
	}

	@Override
	public List<Claim> claimDue(WorkspaceId workspace, Instant now, Instant leaseUntil, int limit) {
		// The event is read with the claim: the body is built from it. A delivery whose
		// event is no longer kept comes back without one.
		return this.jdbc.sql("WITH claimed AS (UPDATE webhook_deliveries d SET attempts = d.attempts + 1,"
				+ " last_attempt_at = :now, next_attempt_at = :leaseUntil FROM webhooks w"
				+ " WHERE w.workspace_id = d.workspace_id AND w.webhook_id = d.webhook_id AND w.enabled"
				+ " AND (d.workspace_id, d.delivery_id) IN (SELECT workspace_id, delivery_id FROM webhook_deliveries"
				+ " WHERE workspace_id = :workspace AND state = 'pending' AND next_attempt_at <= :now"
				+ " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)" + " RETURNING d.workspace_id, "
				+ COLUMNS + ", w.webhook_id AS w_id,"
				+ " w.name, w.url, w.events, w.enabled, w.disabled_reason, w.secret, w.previous_secret,"
				+ " w.previous_secret_expires_at, w.created_at AS w_created_at, w.updated_at AS w_updated_at)"
				+ " SELECT claimed.*, e.event_id IS NOT NULL AS event_kept, e.occurred_at AS event_occurred_at,"
				+ " e.data::text AS event_data FROM claimed LEFT JOIN events e"
				+ " ON e.workspace_id = claimed.workspace_id AND e.event_id = claimed.event_id")
			.param("workspace", workspace.value())
			.param("now", Timestamps.toSql(now))
			.param("leaseUntil", Timestamps.toSql(leaseUntil))
			.param("limit", limit)
			.query((row, number) -> new Claim(new WorkspaceId(row.getObject("workspace_id", UUID.class)),
					delivery(row, number), WebhookRows.claimed(row),
					row.getBoolean("event_kept") ? new ClaimedEvent(Timestamps.fromSql(row, "event_occurred_at"),
							row.getString("event_data")) : null))
			.list();
	}

	@Override
	public void recordSucceeded(WorkspaceId workspace, List<Recorded> successes) {
		// One statement for the batch, whatever its size (the pattern of the API keys'
		// use flush). A success touches an endpoint's row only when it ends a run of
		// failures, so concurrent successful deliveries do not queue on that row.
		this.jdbc.sql("""
				WITH done AS (
				    UPDATE webhook_deliveries d SET state = 'succeeded', status_code = v.status,
				           response_excerpt = v.excerpt, error = NULL, next_attempt_at = NULL, completed_at = v.at
				    FROM unnest(CAST(:ids AS uuid[]), CAST(:attempts AS integer[]), CAST(:statuses AS integer[]),
				                CAST(:excerpts AS text[]), CAST(:times AS timestamptz[]))
				         AS v (delivery_id, attempts, status, excerpt, at)
				    WHERE d.workspace_id = :workspace AND d.delivery_id = v.delivery_id AND d.attempts = v.attempts
				      AND d.state = 'pending'
				    RETURNING d.webhook_id
				)
				UPDATE webhooks SET failing_since = NULL, failed_deliveries = 0
				WHERE workspace_id = :workspace AND webhook_id IN (SELECT webhook_id FROM done)
				  AND (failing_since IS NOT NULL OR failed_deliveries <> 0)
				""")
			.param("workspace", workspace.value())
			.param("ids",
					successes.stream().map((s) -> s.claim().delivery().id().value().toString()).toArray(String[]::new))
			.param("attempts", successes.stream().map((s) -> s.claim().delivery().attempts()).toArray(Integer[]::new))
			.param("statuses", successes.stream().map((s) -> s.outcome().statusCode()).toArray(Integer[]::new))
			.param("excerpts", successes.stream().map((s) -> s.outcome().responseExcerpt()).toArray(String[]::new))
			.param("times", successes.stream().map((s) -> s.outcome().at().toString()).toArray(String[]::new))
			.update();
	}

	@Override
	public void failWithoutEvent(Claim claim, String error, Instant at) {
		this.jdbc.sql("""
				UPDATE webhook_deliveries SET state = 'failed', status_code = NULL, response_excerpt = NULL,
				       error = :error, next_attempt_at = NULL, completed_at = :at
				WHERE workspace_id = :workspace AND delivery_id = :id AND attempts = :attempts AND state = 'pending'
				""")
			.param("workspace", claim.workspace().value())
			.param("id", claim.delivery().id().value())
			.param("attempts", claim.delivery().attempts())
			.param("error", error)
			.param("at", Timestamps.toSql(at))
			.update();
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
		String failures = Delivery.FAILED.equals(outcome.state())
				? "failing_since = coalesce(failing_since, :at), failed_deliveries = failed_deliveries + 1"
				: "failing_since = coalesce(failing_since, :at)";
		this.jdbc.sql("UPDATE webhooks SET " + failures + " WHERE workspace_id = :workspace AND webhook_id = :webhook")
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
				row.getString("event_type"), row.getString("state"), row.getInt("attempts"), statusCode,
				row.getString("response_excerpt"), row.getString("error"), Timestamps.fromSql(row, "last_attempt_at"),
				Timestamps.fromSql(row, "next_attempt_at"), Timestamps.fromSql(row, "created_at"),
				Timestamps.fromSql(row, "completed_at"));
	}

}

package dev.woes.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.woes.event.EventCursor;
import dev.woes.workspace.WorkspaceId;

/**
 * The durable delivery queue, its history, and the dispatcher's per-workspace cursors.
 * Methods marked as spanning workspaces are for background work only.
 */
public interface Deliveries {

	/**
	 * Lets the current transaction commit without waiting for its WAL to reach disk. Only
	 * for background steps whose loss in a database crash is repaired by doing them
	 * again: a lost dispatch step is redone from the cursor, a lost claim or outcome
	 * means one more attempt. The events themselves are committed durably by the API.
	 */
	void commitWithoutFlushWait();

	/**
	 * Spans workspaces: every workspace whose feed the dispatcher follows.
	 */
	List<WorkspaceId> dispatchedWorkspaces();

	/**
	 * Locks the workspace's cursor until the transaction ends; empty when another
	 * dispatcher holds it (or the workspace has none).
	 */
	Optional<EventCursor> lockCursor(WorkspaceId workspace);

	void moveCursor(WorkspaceId workspace, EventCursor cursor);

	void add(WorkspaceId workspace, List<Delivery> deliveries);

	/**
	 * Claims up to {@code limit} of the workspace's due deliveries of enabled endpoints
	 * that no other sender holds, oldest due first, counts the attempt and leases them
	 * until {@code leaseUntil}.
	 */
	List<Claim> claimDue(WorkspaceId workspace, Instant now, Instant leaseUntil, int limit);

	/**
	 * Records an attempt's outcome, unless the delivery was claimed again since (its
	 * lease ran out), and keeps the endpoint's run of failures.
	 * @return whether the outcome was recorded
	 */
	boolean recordOutcome(Claim claim, Outcome outcome);

	/**
	 * Disables the endpoint when its failures have lasted too long; its pending
	 * deliveries fail.
	 * @return whether it was disabled now
	 */
	boolean disableIfFailing(WorkspaceId workspace, WebhookId webhook, int failedDeliveries, Instant failingBefore,
			Instant now);

	/**
	 * Marks the endpoint's pending deliveries failed.
	 */
	void failPending(WorkspaceId workspace, WebhookId webhook, String error, Instant now);

	List<Delivery> list(WorkspaceId workspace, WebhookId webhook, DeliveryId startingAfter, int limit);

	Optional<Delivery> find(WorkspaceId workspace, WebhookId webhook, DeliveryId id);

	/**
	 * A delivery claimed by a sender, with what it needs to send it.
	 */
	record Claim(WorkspaceId workspace, Delivery delivery, Webhook webhook) {
	}

	/**
	 * What an attempt met.
	 *
	 * @param state the delivery's state after it
	 * @param nextAttemptAt when it is retried, for a pending state
	 */
	record Outcome(String state, Integer statusCode, String responseExcerpt, String error, Instant nextAttemptAt,
			Instant at) {
	}

}

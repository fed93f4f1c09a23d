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

	/**
	 * One dispatch step, in one statement: reads up to {@code limit} of the workspace's
	 * settled events after the cursor (the {@code EventFeed} rules), queues one pending
	 * delivery, due at {@code now}, per event and enabled endpoint that receives it, and
	 * moves the cursor past the events read. The endpoints queued for are kept from being
	 * deleted until the transaction ends. Call it in the transaction that holds the
	 * cursor ({@link #lockCursor}).
	 *
	 * <p>
	 * Who receives what: an endpoint receives the events that happened at or after its
	 * creation whose type it lists (an empty list receives every type); a
	 * {@code webhook.test} event goes only to the endpoint that is its subject.
	 * @return how many events were read
	 */
	int queue(WorkspaceId workspace, EventCursor cursor, String testEventType, int limit, Instant now);

	/**
	 * The workspace's pending deliveries, counted up to {@code bound} at most: cheap
	 * whatever the queue's length.
	 */
	int pendingUpTo(WorkspaceId workspace, int bound);

	/**
	 * Queues one delivery (a redelivery), without any dispatch step.
	 */
	void add(WorkspaceId workspace, Delivery delivery);

	/**
	 * Claims up to {@code limit} of the workspace's due deliveries of enabled endpoints
	 * that no other sender holds, oldest due first, counts the attempt and leases them
	 * until {@code leaseUntil}.
	 */
	List<Claim> claimDue(WorkspaceId workspace, Instant now, Instant leaseUntil, int limit);

	/**
	 * Records the outcome of an attempt that did not succeed (a retry planned, or the
	 * delivery failed for good), unless the delivery was claimed again since (its lease
	 * ran out), and extends the endpoint's run of failures. Successes go through
	 * {@link #recordSucceeded}, in batches.
	 * @return whether the outcome was recorded
	 */
	boolean recordOutcome(Claim claim, Outcome outcome);

	/**
	 * Records successful attempts of the workspace's deliveries in one statement, each
	 * unless its delivery was claimed again since, and ends the run of failures of their
	 * endpoints.
	 */
	void recordSucceeded(WorkspaceId workspace, List<Recorded> successes);

	/**
	 * Marks a claimed delivery failed because its event is no longer kept, unless it was
	 * claimed again since. The endpoint's run of failures is left alone: the receiver did
	 * nothing wrong.
	 */
	void failWithoutEvent(Claim claim, String error, Instant at);

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
	 *
	 * @param event what the body is built from, or {@code null} when the event is no
	 * longer kept (purged by the retention period)
	 */
	record Claim(WorkspaceId workspace, Delivery delivery, Webhook webhook, ClaimedEvent event) {
	}

	/**
	 * The event of a claimed delivery, as the log holds it.
	 *
	 * @param createdAt when the change happened
	 * @param data the event's {@code data} object as the JSON text it was written as
	 */
	record ClaimedEvent(Instant createdAt, String data) {
	}

	/**
	 * A claimed delivery and what its attempt met.
	 */
	record Recorded(Claim claim, Outcome outcome) {
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

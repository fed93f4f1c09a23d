package dev.woes.webhook;

import java.time.Clock;

import dev.woes.database.SystemAccess;
import dev.woes.database.WorkspaceContext;
import dev.woes.event.EventCursor;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work across workspaces: follows each workspace's settled events (the rules
 * of {@code EventFeed}) from a cursor stored in the database and turns every event into
 * one pending delivery per endpoint that wants it. One statement per batch reads the
 * events, queues the deliveries and moves the cursor, inside the database: a delivery
 * refers to its event, whose data is never copied. The deliveries and the moved cursor
 * commit together, so a crash repeats a step and never skips one; the workspace's cursor
 * row is locked with {@code SKIP LOCKED}, so several servers share the work. API requests
 * never wait for any of this.
 */
@Component
public class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final int BATCH = 500;

	static final int BATCHES_PER_POLL = 10;

	private final Deliveries deliveries;

	private final int maxPending;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WebhookDispatcher(Deliveries deliveries, WebhookSettings settings, TransactionTemplate transactions, Clock clock) {
		this.deliveries = deliveries;
		this.maxPending = Math.max(1, settings.maxPending());
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${woes.webhooks.poll-interval:250ms}")
	void dispatchAll() {
		// Which workspaces have endpoints: server-wide. Each is then dispatched in its
		// own workspace's context.
		for (WorkspaceId workspace : SystemAccess.call(this.deliveries::dispatchedWorkspaces)) {
			try (WorkspaceContext.Scope scope = WorkspaceContext.enter(workspace.value())) {
				// Full batches: more may follow at once, up to a bound per poll so that
				// one workspace's burst does not hold the others back.
				for (int batch = 0; batch < BATCHES_PER_POLL && dispatch(workspace) == BATCH; batch++) {
					// next batch
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not dispatch the webhook events of workspace {}; will retry", workspace.value(), ex);
			}
		}
	}

	/**
	 * Turns the next batch of the workspace's settled events into deliveries, in one
	 * statement that also moves the cursor, unless the workspace already has
	 * {@code woes.webhooks.max-pending} pending deliveries.
	 * @return how many events were read
	 */
	int dispatch(WorkspaceId workspace) {
		Integer read = this.transactions.execute((status) -> {
			this.deliveries.commitWithoutFlushWait();
			EventCursor cursor = this.deliveries.lockCursor(workspace).orElse(null);
			if (cursor == null) {
				return 0;
			}
			// Backpressure: the event log is the buffer. While the workspace has its
			// bound of pending deliveries, the cursor waits; a batch reads no more events
			// than there is room for (each event makes one delivery per endpoint).
			int room = this.maxPending - this.deliveries.pendingUpTo(workspace, this.maxPending);
			if (room <= 0) {
				return 0;
			}
			return this.deliveries.queue(workspace, cursor, WebhookManagement.TEST_EVENT.wireName(),
					Math.min(BATCH, room), Timestamps.now(this.clock));
		});
		return (read != null) ? read : 0;
	}

}

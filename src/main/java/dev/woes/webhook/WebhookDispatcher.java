package dev.woes.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.woes.database.SystemAccess;
import dev.woes.database.WorkspaceContext;
import dev.woes.event.EventCursor;
import dev.woes.event.EventFeed;
import dev.woes.event.StoredEvent;
import dev.woes.shared.Timestamps;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work across workspaces: follows each workspace's settled events through
 * {@link EventFeed} from a cursor stored in the database and turns every event into one
 * pending delivery per endpoint that wants it. The deliveries and the moved cursor commit
 * together, so a crash repeats a step and never skips one; the workspace's cursor row is
 * locked with {@code SKIP LOCKED}, so several servers share the work. API requests never
 * wait for any of this.
 */
@Component
public class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	static final int BATCH = 500;

	static final int BATCHES_PER_POLL = 10;

	private final Deliveries deliveries;

	private final Webhooks webhooks;

	private final EventFeed feed;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	WebhookDispatcher(Deliveries deliveries, Webhooks webhooks, EventFeed feed, TransactionTemplate transactions,
			JsonMapper json, Clock clock) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.feed = feed;
		this.transactions = transactions;
		this.json = json;
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
	 * Turns the next batch of the workspace's settled events into deliveries.
	 * @return how many events were read
	 */
	int dispatch(WorkspaceId workspace) {
		Integer read = this.transactions.execute((status) -> {
			this.deliveries.commitWithoutFlushWait();
			EventCursor cursor = this.deliveries.lockCursor(workspace).orElse(null);
			if (cursor == null) {
				return 0;
			}
			List<StoredEvent> events = this.feed.after(workspace, cursor, List.of(), BATCH);
			if (events.isEmpty()) {
				return 0;
			}
			List<Webhook> endpoints = this.webhooks.all(workspace);
			Instant now = Timestamps.now(this.clock);
			List<Delivery> due = new ArrayList<>();
			for (StoredEvent event : events) {
				String payload = null;
				for (Webhook endpoint : endpoints) {
					if (endpoint.enabled() && !event.occurredAt().isBefore(endpoint.createdAt())
							&& endpoint.receives(event.type(), event.subjectId())) {
						payload = (payload != null) ? payload : envelope(workspace, event);
						due.add(new Delivery(new DeliveryId(Uuids.v7()), endpoint.id(), event.id(), event.type(),
								payload, Delivery.PENDING, 0, null, null, null, null, now, now, null));
					}
				}
			}
			this.deliveries.add(workspace, due);
			this.deliveries.moveCursor(workspace, events.get(events.size() - 1).cursor());
			return events.size();
		});
		return (read != null) ? read : 0;
	}

	/**
	 * The body every attempt of the event's deliveries sends, fixed when it is queued.
	 */
	private String envelope(WorkspaceId workspace, StoredEvent event) {
		return "{\"id\":" + this.json.writeValueAsString(event.id().toString()) + ",\"type\":"
				+ this.json.writeValueAsString(event.type()) + ",\"createdAt\":"
				+ this.json.writeValueAsString(Timestamps.format(event.occurredAt())) + ",\"workspaceId\":"
				+ this.json.writeValueAsString(workspace.value().toString()) + ",\"data\":" + event.data() + "}";
	}

}

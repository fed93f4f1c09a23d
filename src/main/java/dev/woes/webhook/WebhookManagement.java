package dev.woes.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventFeed;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages a workspace's endpoints and their delivery history. Nothing here sends: the
 * {@link WebhookDispatcher} turns committed events into deliveries and the
 * {@link WebhookSender} sends them.
 */
@Service
public class WebhookManagement {

	static final EventType TEST_EVENT = EventType.WEBHOOK_TEST;

	static final int MAX_EVENTS = 64;

	private final Webhooks webhooks;

	private final Deliveries deliveries;

	private final EventLog events;

	private final EventFeed feed;

	private final TargetAddresses addresses;

	private final WebhookSettings settings;

	private final Clock clock;

	WebhookManagement(Webhooks webhooks, Deliveries deliveries, EventLog events, EventFeed feed,
			WebhookSettings settings, Clock clock) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.events = events;
		this.feed = feed;
		this.settings = settings;
		this.addresses = new TargetAddresses(settings.allowPrivate());
		this.clock = clock;
	}

	/**
	 * Creates an endpoint with a fresh signing secret, which the answer carries once.
	 */
	@Transactional
	public Webhook create(WorkspaceId workspace, NewWebhook request) {
		String url = this.addresses.check(request.url()).toString();
		Instant now = Timestamps.now(this.clock);
		Webhook webhook = new Webhook(new WebhookId(Uuids.v7()), request.name(), url, eventTypes(request.events()),
				request.enabled(), null, WebhookSecret.generate(), null, null, now, now);
		this.webhooks.add(workspace, webhook);
		return webhook;
	}

	public Webhook get(WorkspaceId workspace, WebhookId id) {
		return this.webhooks.find(workspace, id).orElseThrow(WebhookNotFound::new);
	}

	@Transactional(readOnly = true)
	public Page<Webhook> list(WorkspaceId workspace, WebhookId startingAfter, int limit) {
		if (startingAfter != null && this.webhooks.find(workspace, startingAfter).isEmpty()) {
			throw new InvalidRequest("startingAfter must be the id of a webhook of this workspace.");
		}
		return Page.fromOverfetch(this.webhooks.list(workspace, startingAfter, limit + 1), limit);
	}

	/**
	 * Changes an endpoint. Enabling it again clears {@code disabledReason} and its run of
	 * failures; disabling it fails its pending deliveries.
	 */
	@Transactional
	public Webhook change(WorkspaceId workspace, WebhookId id, WebhookChanges changes) {
		Webhook current = this.webhooks.findForUpdate(workspace, id).orElseThrow(WebhookNotFound::new);
		Instant now = Timestamps.now(this.clock);
		String url = (changes.url() != null) ? this.addresses.check(changes.url()).toString() : current.url();
		boolean enabled = (changes.enabled() != null) ? changes.enabled() : current.enabled();
		boolean reenabled = enabled && !current.enabled();
		Webhook changed = new Webhook(id, (changes.name() != null) ? changes.name() : current.name(), url,
				(changes.events() != null) ? eventTypes(changes.events()) : current.events(), enabled,
				enabled ? null : current.disabledReason(), current.secret(), current.previousSecret(),
				current.previousSecretExpiresAt(), current.createdAt(), now);
		this.webhooks.update(workspace, changed, reenabled);
		if (!enabled && current.enabled()) {
			this.deliveries.failPending(workspace, id, "The endpoint was disabled.", now);
		}
		return changed;
	}

	@Transactional
	public void delete(WorkspaceId workspace, WebhookId id) {
		if (!this.webhooks.delete(workspace, id)) {
			throw new WebhookNotFound();
		}
	}

	/**
	 * Replaces the signing secret. The previous one keeps signing, next to the new one,
	 * for the grace period, so receivers can switch without missing a delivery.
	 */
	@Transactional
	public Webhook rotateSecret(WorkspaceId workspace, WebhookId id) {
		Webhook current = this.webhooks.findForUpdate(workspace, id).orElseThrow(WebhookNotFound::new);
		Instant now = Timestamps.now(this.clock);
		Webhook rotated = new Webhook(id, current.name(), current.url(), current.events(), current.enabled(),
				current.disabledReason(), WebhookSecret.generate(), current.secret(),
				now.plus(this.settings.secretGrace()), current.createdAt(), now);
		this.webhooks.update(workspace, rotated, false);
		return rotated;
	}

	/**
	 * Records a {@code webhook.test} event for this endpoint; it is delivered like any
	 * other event.
	 */
	@Transactional
	public WebhookTest sendTest(WorkspaceId workspace, Actor actor, WebhookId id) {
		Webhook webhook = this.webhooks.findForUpdate(workspace, id).orElseThrow(WebhookNotFound::new);
		if (!webhook.enabled()) {
			throw new WebhookDisabled();
		}
		Instant now = Timestamps.now(this.clock);
		UUID eventId = this.events.record(workspace, TEST_EVENT, actor, id.value(), Map.of("webhookId",
				id.value().toString(), "message", "A test delivery from Woes to the webhook " + webhook.name() + "."));
		return new WebhookTest(id, eventId, now);
	}

	@Transactional(readOnly = true)
	public Page<Delivery> deliveries(WorkspaceId workspace, WebhookId id, DeliveryId startingAfter, int limit) {
		get(workspace, id);
		if (startingAfter != null && this.deliveries.find(workspace, id, startingAfter).isEmpty()) {
			throw new InvalidRequest("startingAfter must be the id of a delivery of this webhook.");
		}
		return Page.fromOverfetch(this.deliveries.list(workspace, id, startingAfter, limit + 1), limit);
	}

	/**
	 * Queues the delivery's event again, as a new delivery with the same body, due now;
	 * refused when the event is no longer kept (its body is built from it).
	 */
	@Transactional
	public Delivery redeliver(WorkspaceId workspace, WebhookId id, DeliveryId deliveryId) {
		Webhook webhook = this.webhooks.findForUpdate(workspace, id).orElseThrow(WebhookNotFound::new);
		Delivery original = this.deliveries.find(workspace, id, deliveryId).orElseThrow(DeliveryNotFound::new);
		if (!webhook.enabled()) {
			throw new WebhookDisabled();
		}
		if (this.feed.cursorOf(workspace, original.eventId()).isEmpty()) {
			throw new EventNoLongerKept();
		}
		Instant now = Timestamps.now(this.clock);
		Delivery again = new Delivery(new DeliveryId(Uuids.v7()), id, original.eventId(), original.eventType(),
				Delivery.PENDING, 0, null, null, null, null, now, now, null);
		this.deliveries.add(workspace, again);
		return again;
	}

	private static List<String> eventTypes(List<String> requested) {
		if (requested.size() > MAX_EVENTS) {
			throw new InvalidRequest("events must list at most " + MAX_EVENTS + " event types.");
		}
		Set<String> types = new LinkedHashSet<>();
		for (String type : requested) {
			if (type == null || EventType.fromWireName(type).isEmpty()) {
				throw new InvalidRequest("events must list known event types; '" + type + "' is not one.");
			}
			types.add(type);
		}
		return List.copyOf(types);
	}

}

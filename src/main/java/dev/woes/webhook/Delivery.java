package dev.woes.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one endpoint, and what its attempts met.
 *
 * @param state {@code pending} (due at {@code nextAttemptAt}), {@code succeeded} or
 * {@code failed}
 * @param statusCode the last attempt's HTTP status, or {@code null}
 * @param responseExcerpt the start of the last response body, or {@code null}
 * @param error why the last attempt failed, or {@code null}
 */
public record Delivery(DeliveryId id, WebhookId webhookId, UUID eventId, String eventType, String state, int attempts,
		Integer statusCode, String responseExcerpt, String error, Instant lastAttemptAt, Instant nextAttemptAt,
		Instant createdAt, Instant completedAt) {

	public static final String PENDING = "pending";

	public static final String SUCCEEDED = "succeeded";

	public static final String FAILED = "failed";

}

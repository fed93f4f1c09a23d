package dev.woes.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A test event recorded for one endpoint; its delivery follows the normal path.
 */
public record WebhookTest(WebhookId webhookId, UUID eventId, Instant createdAt) {

}

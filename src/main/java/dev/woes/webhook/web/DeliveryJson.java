package dev.woes.webhook.web;

import dev.woes.shared.Timestamps;
import dev.woes.webhook.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One event's delivery to one endpoint and what its latest attempt met.
 */
@Schema(name = "WebhookDelivery",
		requiredProperties = { "object", "id", "webhookId", "eventId", "eventType", "state", "attempts", "statusCode",
				"responseExcerpt", "error", "lastAttemptAt", "nextAttemptAt", "createdAt", "completedAt" })
record DeliveryJson(@Schema(allowableValues = "webhook_delivery") String object, String id, String webhookId,
		String eventId, String eventType, @Schema(allowableValues = {
				"pending", "succeeded", "failed" }) String state,
		int attempts,
		@Schema(types = { "integer", "null" }, description = "HTTP status of the latest attempt") Integer statusCode,
		@Schema(types = { "string", "null" },
				description = "Start of the latest response body, up to 1,024 characters") String responseExcerpt,
		@Schema(types = { "string", "null" }, description = "Why the latest attempt failed") String error,
		@Schema(format = "date-time", types = { "string", "null" }) String lastAttemptAt,
		@Schema(format = "date-time", types = { "string", "null" },
				description = "When a pending delivery is tried next") String nextAttemptAt,
		@Schema(format = "date-time") String createdAt,
		@Schema(format = "date-time", types = { "string", "null" }) String completedAt){

	static DeliveryJson of(Delivery delivery) {
		return new DeliveryJson("webhook_delivery", delivery.id().toString(), delivery.webhookId().toString(),
				delivery.eventId().toString(), delivery.eventType(), delivery.state(), delivery.attempts(),
				delivery.statusCode(), delivery.responseExcerpt(), delivery.error(),
				Timestamps.format(delivery.lastAttemptAt()),
				Delivery.PENDING.equals(delivery.state()) ? Timestamps.format(delivery.nextAttemptAt()) : null,
				Timestamps.format(delivery.createdAt()), Timestamps.format(delivery.completedAt()));
	}

}

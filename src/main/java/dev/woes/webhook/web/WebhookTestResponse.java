package dev.woes.webhook.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "WebhookTestResponse", requiredProperties = "webhookTest")
record WebhookTestResponse(WebhookTestJson webhookTest) {

	/**
	 * The recorded {@code webhook.test} event; its delivery shows up in the endpoint's
	 * deliveries.
	 */
	@Schema(name = "WebhookTest", requiredProperties = { "object", "webhookId", "eventId", "createdAt" })
	record WebhookTestJson(@Schema(allowableValues = "webhook_test") String object, String webhookId, String eventId,
			@Schema(format = "date-time") String createdAt) {

	}

}

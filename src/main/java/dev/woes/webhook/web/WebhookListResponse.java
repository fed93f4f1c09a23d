package dev.woes.webhook.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "WebhookListResponse", requiredProperties = { "object", "hasMore", "webhooks" })
record WebhookListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<WebhookJson> webhooks) {

}

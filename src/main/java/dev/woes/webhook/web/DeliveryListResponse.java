package dev.woes.webhook.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "WebhookDeliveryListResponse", requiredProperties = { "object", "hasMore", "deliveries" })
record DeliveryListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<DeliveryJson> deliveries) {

}

package dev.woes.webhook.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "WebhookDeliveryResponse", requiredProperties = "delivery")
record DeliveryResponse(DeliveryJson delivery) {

}

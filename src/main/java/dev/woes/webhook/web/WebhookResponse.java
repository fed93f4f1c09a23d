package dev.woes.webhook.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "WebhookResponse", requiredProperties = "webhook")
record WebhookResponse(WebhookJson webhook) {

}

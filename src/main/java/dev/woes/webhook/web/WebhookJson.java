package dev.woes.webhook.web;

import java.util.List;

import dev.woes.shared.Timestamps;
import dev.woes.webhook.Webhook;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The webhook object: exactly these fields, always all present. {@code secret} carries
 * the signing secret only in the answers to creation and rotation, and is {@code null}
 * everywhere else.
 */
@Schema(name = "Webhook", requiredProperties = { "object", "id", "name", "url", "events", "enabled", "disabledReason",
		"secret", "createdAt", "updatedAt" })
record WebhookJson(@Schema(allowableValues = "webhook") String object, String id, String name, String url,
		@Schema(description = "Event types delivered; empty delivers every type") List<String> events, boolean enabled,
		@Schema(types = {
				"string", "null" },
				description = "Why the server disabled the endpoint, or null") String disabledReason,
		@Schema(types = { "string", "null" },
				description = "The signing secret, shown only when created or rotated") String secret,
		@Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt){

	static WebhookJson of(Webhook webhook) {
		return new WebhookJson("webhook", webhook.id().toString(), webhook.name(), webhook.url(), webhook.events(),
				webhook.enabled(), webhook.disabledReason(), null, Timestamps.format(webhook.createdAt()),
				Timestamps.format(webhook.updatedAt()));
	}

	static WebhookJson withSecret(Webhook webhook) {
		WebhookJson json = of(webhook);
		return new WebhookJson(json.object, json.id, json.name, json.url, json.events, json.enabled,
				json.disabledReason, webhook.secret(), json.createdAt, json.updatedAt);
	}

}

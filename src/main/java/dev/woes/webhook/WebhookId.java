package dev.woes.webhook;

import java.util.UUID;

import dev.woes.shared.Uuids;

public record WebhookId(UUID value) {

	/**
	 * A path id that is not a UUID names no webhook.
	 */
	public static WebhookId parse(String text) {
		return Uuids.parse(text).map(WebhookId::new).orElseThrow(WebhookNotFound::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

package dev.woes.webhook;

import dev.woes.shared.InvalidRequest;

/**
 * A webhook URL that is malformed or points where webhooks may not go.
 */
public class InvalidWebhookUrl extends InvalidRequest {

	public InvalidWebhookUrl(String message) {
		super(message);
	}

}

package dev.woes.webhook;

import dev.woes.shared.RecordConflict;

/**
 * A test or a redelivery was asked of a disabled endpoint.
 */
public class WebhookDisabled extends RecordConflict {

	public WebhookDisabled() {
		super("The webhook is disabled; set enabled to true before sending to it.");
	}

}

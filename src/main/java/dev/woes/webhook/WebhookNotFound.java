package dev.woes.webhook;

import dev.woes.shared.RecordNotFound;

/**
 * No webhook with that id in the caller's workspace.
 */
public class WebhookNotFound extends RecordNotFound {

	public WebhookNotFound() {
		super("No webhook with that id exists in this workspace.");
	}

}

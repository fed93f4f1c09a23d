package dev.woes.webhook;

import dev.woes.shared.RecordNotFound;

/**
 * No delivery with that id for that webhook in the caller's workspace.
 */
public class DeliveryNotFound extends RecordNotFound {

	public DeliveryNotFound() {
		super("No delivery with that id exists for this webhook.");
	}

}

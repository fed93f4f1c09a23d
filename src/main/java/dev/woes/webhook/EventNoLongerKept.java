package dev.woes.webhook;

import dev.woes.shared.RecordConflict;

/**
 * A redelivery was asked of a delivery whose event the retention period has purged.
 */
public class EventNoLongerKept extends RecordConflict {

	public EventNoLongerKept() {
		super("The event of this delivery is no longer kept (events are kept for WOES_EVENTS_RETENTION), so it"
				+ " cannot be delivered again.");
	}

}

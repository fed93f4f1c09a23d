package dev.woes.triage;

import dev.woes.shared.InvalidRequest;

/**
 * A snooze must end in the future and within {@value #MAX_DAYS} days.
 */
public class InvalidSnooze extends InvalidRequest {

	public static final int MAX_DAYS = 365;

	public InvalidSnooze(String sentence) {
		super(sentence);
	}

}

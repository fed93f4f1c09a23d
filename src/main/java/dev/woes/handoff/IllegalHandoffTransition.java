package dev.woes.handoff;

import dev.woes.shared.RecordConflict;

/**
 * The conversation's handling state does not allow the requested move.
 */
public class IllegalHandoffTransition extends RecordConflict {

	public IllegalHandoffTransition(String message) {
		super(message);
	}

}

package dev.woes.shared;

/**
 * The request would duplicate an identifier that must be unique.
 */
public abstract class RecordConflict extends RuntimeException {

	protected RecordConflict(String message) {
		super(message);
	}

}

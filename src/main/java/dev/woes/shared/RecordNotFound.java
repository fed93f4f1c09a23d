package dev.woes.shared;

/**
 * No such record in the caller's workspace. Records of other workspaces are reported the
 * same way, so the answer never reveals that they exist.
 */
public abstract class RecordNotFound extends RuntimeException {

	protected RecordNotFound(String message) {
		super(message);
	}

}

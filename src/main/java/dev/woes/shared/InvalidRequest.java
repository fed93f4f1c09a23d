package dev.woes.shared;

/**
 * The request is well formed but a value in it cannot be used; the message names the
 * field.
 */
public class InvalidRequest extends RuntimeException {

	public InvalidRequest(String message) {
		super(message);
	}

}

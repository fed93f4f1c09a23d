package dev.woes.shared;

import java.io.IOException;

/**
 * Raised while reading a request body that takes longer to arrive than the server waits;
 * it answers 408 and closes the connection.
 */
public class RequestBodyTimeout extends IOException {

	public RequestBodyTimeout(java.time.Duration limit) {
		super("The request body did not arrive within " + limit.toSeconds() + " seconds.");
	}

}

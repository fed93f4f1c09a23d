package dev.woes.shared;

import java.io.IOException;

/**
 * Raised while reading a request body that grows past the size the server accepts; it
 * answers 413.
 */
public class PayloadTooLarge extends IOException {

	public PayloadTooLarge(long maxBytes) {
		super("The request body must not exceed " + maxBytes + " bytes.");
	}

}

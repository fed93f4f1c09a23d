package dev.woes.idempotency;

import java.util.Map;

/**
 * The answer kept for a key: status, the headers a client needs ({@code Content-Type},
 * {@code Location}, {@code Link}) and the body's bytes.
 */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

	/**
	 * The response headers worth keeping; everything else is about the connection or is
	 * recomputed per request (rate limits).
	 */
	public static final java.util.List<String> KEPT_HEADERS = java.util.List.of("Content-Type", "Location", "Link");

	/**
	 * Only successful answers are kept: anything else was rolled back together with the
	 * write it refused or failed, so a retry runs again.
	 */
	public static boolean isKept(int status) {
		return status >= 200 && status < 300;
	}

}

package dev.woes.shared;

/**
 * The order of the servlet filters in front of {@code /api}, in one place because each
 * relies on the ones before it: the address limit on failed authentication, then
 * authentication (which names the caller), the caller's rate limit, the body size limit,
 * and last the idempotency filter, which reads the (limited) body and wraps the request
 * in its transaction.
 */
public final class ApiFilterOrder {

	public static final int FAILED_AUTHENTICATION_LIMIT = -10;

	public static final int AUTHENTICATION = 0;

	public static final int RATE_LIMIT = 10;

	public static final int BODY_LIMIT = 20;

	public static final int IDEMPOTENCY = 30;

	private ApiFilterOrder() {
	}

}

package dev.woes.shared;

import java.io.IOException;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The body of every error: a stable machine-readable code and a sentence for people.
 */
@Schema(name = "ErrorResponse")
public record ErrorResponse(String code, String error) {

	public static final String INVALID_REQUEST = "invalid_request";

	public static final String UNAUTHORIZED = "unauthorized";

	public static final String KEY_EXPIRED = "key_expired";

	public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

	public static final String NOT_FOUND = "not_found";

	public static final String CONFLICT = "conflict";

	public static final String IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused";

	public static final String PAYLOAD_TOO_LARGE = "payload_too_large";

	public static final String REQUEST_TIMEOUT = "request_timeout";

	public static final String RATE_LIMITED = "rate_limited";

	public static final String INTERNAL_ERROR = "internal_error";

	public static final String NO_SUCH_ROUTE = "No such route.";

	public static final String UNEXPECTED = "The request could not be completed.";

	/**
	 * Writes an error straight to the servlet response, for filters that answer before
	 * any controller runs.
	 */
	public static void write(HttpServletResponse response, int status, String code, String error) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"code\":" + quote(code) + ",\"error\":" + quote(error) + "}");
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}

package dev.woes.limits.web;

import java.io.IOException;
import java.time.Duration;

import dev.woes.shared.ErrorResponse;
import dev.woes.shared.PayloadTooLarge;
import dev.woes.shared.RequestBodyTimeout;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every API request body: a declared {@code Content-Length} over the limit is
 * refused before a byte is read, and a body (sized or chunked) that grows past the limit
 * or arrives too slowly is refused as soon as that happens. Both answers close the
 * connection.
 */
class RequestBodyLimit extends OncePerRequestFilter {

	private final long maxBytes;

	private final Duration timeout;

	RequestBodyLimit(long maxBytes, Duration timeout) {
		this.maxBytes = maxBytes;
		this.timeout = timeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			refuse(response, new PayloadTooLarge(this.maxBytes));
			return;
		}
		if (declared <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			chain.doFilter(new LimitedBodyRequest(request, this.maxBytes, this.timeout), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			IOException refusal = refusal(ex);
			if (refusal == null || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			refuse(response, refusal);
		}
	}

	private static IOException refusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLarge || cause instanceof RequestBodyTimeout) {
				return (IOException) cause;
			}
		}
		return null;
	}

	private static void refuse(HttpServletResponse response, IOException refusal) throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		if (refusal instanceof PayloadTooLarge) {
			ErrorResponse.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					ErrorResponse.PAYLOAD_TOO_LARGE, refusal.getMessage());
		}
		else {
			ErrorResponse.write(response, HttpServletResponse.SC_REQUEST_TIMEOUT, ErrorResponse.REQUEST_TIMEOUT,
					refusal.getMessage());
		}
	}

}

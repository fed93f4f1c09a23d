package dev.woes.limits.web;

import java.io.IOException;

import dev.woes.limits.RateDecision;
import dev.woes.shared.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The {@code RateLimit-*} headers every API answer carries, and the 429 answer.
 */
final class RateLimitHeaders {

	private RateLimitHeaders() {
	}

	static void write(HttpServletResponse response, RateDecision decision) {
		response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
		response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
		response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
	}

	static void refuse(HttpServletResponse response, RateDecision decision, String sentence) throws IOException {
		write(response, decision);
		response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
		ErrorResponse.write(response, 429, ErrorResponse.RATE_LIMITED, sentence);
	}

}

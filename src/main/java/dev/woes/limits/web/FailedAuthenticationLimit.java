package dev.woes.limits.web;

import java.io.IOException;

import dev.woes.auth.KeyVerifier;
import dev.woes.limits.RateDecision;
import dev.woes.limits.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down key guessing: every 401 takes a token from the client address's bucket, and
 * once it is empty the address gets 429 for any request without a live key until the
 * bucket refills. A live key from the same address is still served, so one guessing
 * client behind a shared address cannot lock out the others.
 */
class FailedAuthenticationLimit extends OncePerRequestFilter {

	private final RateLimits limits;

	private final KeyVerifier verifier;

	FailedAuthenticationLimit(RateLimits limits, KeyVerifier verifier) {
		this.limits = limits;
		this.verifier = verifier;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		if (!this.limits.mayFailAuthentication(address) && !presentsLiveKey(request)) {
			RateDecision refused = this.limits.failedAuthentication(address);
			RateLimitHeaders.refuse(response, refused, "Too many failed authentications from this address; retry after "
					+ refused.retryAfterSeconds() + " seconds.");
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			RateDecision decision = this.limits.failedAuthentication(address);
			if (!response.isCommitted()) {
				RateLimitHeaders.write(response, decision);
			}
		}
	}

	private boolean presentsLiveKey(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		return this.verifier.verify(header.substring(7).strip()) instanceof KeyVerifier.Verdict.Accepted;
	}

}

package dev.woes.limits.web;

import java.io.IOException;

import dev.woes.auth.Caller;
import dev.woes.limits.RateDecision;
import dev.woes.limits.RateLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Takes one token from the calling key's bucket for every authenticated API request,
 * whatever the route, and answers 429 when the bucket is empty.
 */
class KeyRateLimit extends OncePerRequestFilter {

	private final RateLimits limits;

	KeyRateLimit(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		RateDecision decision = this.limits.takeForKey(caller.key().id());
		if (!decision.allowed()) {
			RateLimitHeaders.refuse(response, decision,
					"Too many requests for this API key; retry after " + decision.retryAfterSeconds() + " seconds.");
			return;
		}
		RateLimitHeaders.write(response, decision);
		chain.doFilter(request, response);
	}

}

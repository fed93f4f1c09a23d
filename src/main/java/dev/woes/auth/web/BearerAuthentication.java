package dev.woes.auth.web;

import java.io.IOException;

import dev.woes.auth.Caller;
import dev.woes.auth.KeyVerifier;
import dev.woes.auth.KeyVerifier.Verdict;
import dev.woes.database.WorkspaceContext;
import dev.woes.shared.ErrorResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a request to {@code /api} only with {@code Authorization: Bearer woesk_...}
 * naming a live key, and records who is calling for the rest of the request: as the
 * {@link Caller} for the handlers and as the {@link WorkspaceContext} for the database.
 */
class BearerAuthentication extends OncePerRequestFilter {

	static final String UNAUTHORIZED = "A valid workspace API key is required.";

	static final String EXPIRED = "This API key has expired.";

	private final KeyVerifier verifier;

	BearerAuthentication(KeyVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Verdict verdict = this.verifier.verify(token(request.getHeader("Authorization")));
		switch (verdict) {
			case Verdict.Accepted accepted -> {
				request.setAttribute(Caller.REQUEST_ATTRIBUTE, accepted.caller());
				// Row-level security: the request's database work sees only its
				// workspace.
				try (WorkspaceContext.Scope scope = WorkspaceContext.enter(accepted.caller().workspace().value())) {
					chain.doFilter(request, response);
				}
			}
			case Verdict.Expired expired ->
				ErrorResponse.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorResponse.KEY_EXPIRED, EXPIRED);
			case Verdict.Rejected rejected -> ErrorResponse.write(response, HttpServletResponse.SC_UNAUTHORIZED,
					ErrorResponse.UNAUTHORIZED, UNAUTHORIZED);
		}
	}

	private static String token(String header) {
		if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).strip();
	}

}

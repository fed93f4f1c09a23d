package dev.woes.idempotency.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.woes.auth.Caller;
import dev.woes.idempotency.Fingerprint;
import dev.woes.idempotency.Idempotency;
import dev.woes.idempotency.IdempotencyKey;
import dev.woes.idempotency.Reservation;
import dev.woes.idempotency.StoredResponse;
import dev.woes.shared.ErrorResponse;
import dev.woes.workspace.WorkspaceId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every POST, PATCH and PUT under {@code /api} that carries an
 * {@code Idempotency-Key} idempotent, whatever the route: it works on the method and the
 * path, never on a controller.
 * <p>
 * The filter opens one database transaction around the whole request. It takes the key (a
 * transaction-scoped advisory lock), runs the request (the services' transactions join
 * this one), stores a successful answer and commits: the write, its events and its stored
 * answer become durable together, or none of them does. The answer is held in memory
 * until the commit succeeds, so a client never sees a success that was not committed.
 * Anything but a 2xx is rolled back and not stored: the retry runs again.
 */
class IdempotentWrites extends OncePerRequestFilter {

	static final String REPLAYED = "Idempotent-Replayed";

	private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

	private final Idempotency idempotency;

	private final PlatformTransactionManager transactions;

	IdempotentWrites(Idempotency idempotency, PlatformTransactionManager transactions) {
		this.idempotency = idempotency;
		this.transactions = transactions;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !("POST".equals(method) || "PATCH".equals(method) || "PUT".equals(method))
				|| request.getHeader(IdempotencyKey.HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(IdempotencyKey.HEADER);
		if (!IdempotencyKey.isWellFormed(presented)) {
			ErrorResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, ErrorResponse.INVALID_REQUEST,
					IdempotencyKey.MALFORMED);
			return;
		}
		Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
		if (caller == null) {
			chain.doFilter(request, response);
			return;
		}
		IdempotencyKey key = new IdempotencyKey(presented);
		WorkspaceId workspace = caller.workspace();
		// The body is read before the transaction starts: a slow client holds no
		// connection.
		byte[] body = request.getInputStream().readAllBytes();
		String query = request.getQueryString();
		Fingerprint fingerprint = Fingerprint.of(request.getMethod(),
				request.getRequestURI() + ((query != null) ? "?" + query : ""), body);

		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setName("Idempotent " + request.getMethod() + " " + request.getRequestURI());
		TransactionStatus transaction = this.transactions.getTransaction(definition);
		Reservation reservation;
		try {
			reservation = this.idempotency.reserve(workspace, key, fingerprint);
		}
		catch (RuntimeException ex) {
			rollback(transaction);
			throw ex;
		}
		switch (reservation) {
			case Reservation.Granted granted ->
				run(new CachedBodyRequest(request, body), response, chain, transaction, workspace, key, fingerprint);
			case Reservation.Replay replay -> {
				rollback(transaction);
				replay(response, replay.response());
			}
			case Reservation.InProgress inProgress -> {
				rollback(transaction);
				response.setHeader("Retry-After", "1");
				ErrorResponse.write(response, HttpServletResponse.SC_CONFLICT, ErrorResponse.CONFLICT,
						"A request with this Idempotency-Key is still in progress; retry it later.");
			}
			case Reservation.Reused reused -> {
				rollback(transaction);
				ErrorResponse.write(response, HttpServletResponse.SC_BAD_REQUEST, ErrorResponse.IDEMPOTENCY_KEY_REUSED,
						reused.sentence());
			}
		}
	}

	private void run(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			TransactionStatus transaction, WorkspaceId workspace, IdempotencyKey key, Fingerprint fingerprint)
			throws IOException, ServletException {
		Map<String, List<String>> earlierHeaders = headers(response);
		ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, buffered);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			rollback(transaction);
			throw ex;
		}
		int status = buffered.getStatus();
		if (!StoredResponse.isKept(status)) {
			rollback(transaction);
			buffered.copyBodyToResponse();
			return;
		}
		try {
			this.idempotency.store(workspace, key, fingerprint,
					new StoredResponse(status, keptHeaders(buffered), buffered.getContentAsByteArray()));
			this.transactions.commit(transaction);
		}
		catch (RuntimeException ex) {
			// Whether the commit reached the database is unknown; the client retries with
			// the same key and gets either the stored answer or a fresh run.
			if (!transaction.isCompleted()) {
				rollback(transaction);
			}
			log.warn("Could not commit an idempotent {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.toString());
			response.reset();
			earlierHeaders.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
			ErrorResponse.write(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, ErrorResponse.INTERNAL_ERROR,
					ErrorResponse.UNEXPECTED);
			return;
		}
		buffered.copyBodyToResponse();
	}

	private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
		response.setStatus(stored.status());
		stored.headers().forEach(response::setHeader);
		response.setHeader(REPLAYED, "true");
		response.setContentLength(stored.body().length);
		response.getOutputStream().write(stored.body());
	}

	private static Map<String, String> keptHeaders(HttpServletResponse response) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (String name : StoredResponse.KEPT_HEADERS) {
			String value = "Content-Type".equals(name) ? response.getContentType() : response.getHeader(name);
			if (value != null) {
				kept.put(name, value);
			}
		}
		return kept;
	}

	private static Map<String, List<String>> headers(HttpServletResponse response) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			headers.putIfAbsent(name, new ArrayList<>(response.getHeaders(name)));
		}
		return headers;
	}

	private void rollback(TransactionStatus transaction) {
		try {
			this.transactions.rollback(transaction);
		}
		catch (RuntimeException ex) {
			log.debug("Rollback of an idempotent request failed", ex);
		}
	}

}

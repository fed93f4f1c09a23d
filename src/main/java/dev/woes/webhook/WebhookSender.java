package dev.woes.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.woes.database.ConnectionPoolLoad;
import dev.woes.database.SystemAccess;
import dev.woes.database.WorkspaceContext;
import dev.woes.event.EventSettings;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background work across workspaces: claims due deliveries ({@code FOR UPDATE SKIP
 * LOCKED}, so several servers share them without sending one twice while all is well),
 * sends each with its signature, and records what happened. At most
 * {@code woes.webhooks.concurrency} requests are in flight per server (only
 * {@code woes.webhooks.busy-concurrency} while API requests wait for a database
 * connection), and no database connection is held while one is.
 *
 * <p>
 * A claim leases the delivery ({@code woes.webhooks.lease}); a server that dies
 * mid-request leaves it to be retried by any server when the lease runs out, which is why
 * delivery is at least once. Before every attempt the host is resolved and every address
 * checked ({@link TargetAddresses}); the request then connects by name, and the JVM's
 * address cache answers that lookup with the addresses just checked.
 */
@Component
public class WebhookSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	static final int RESPONSE_READ_LIMIT = 64 * 1024;

	static final int EXCERPT_LENGTH = 1024;

	static final String EVENT_GONE = "The event is no longer kept (WOES_EVENTS_RETENTION ran out), so there is"
			+ " nothing to send; the delivery is not retried.";

	private final Deliveries deliveries;

	private final WebhookSettings settings;

	private final TargetAddresses addresses;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final Semaphore slots;

	private final int concurrency;

	private final ConnectionPoolLoad pool;

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http;

	private volatile boolean stopping;

	private final Queue<Deliveries.Recorded> succeeded = new ConcurrentLinkedQueue<>();

	private final ReentrantLock writing = new ReentrantLock();

	private int turn;

	private static final Duration PASS = Duration.ofSeconds(1);

	WebhookSender(Deliveries deliveries, WebhookSettings settings, EventSettings events,
			TransactionTemplate transactions, JsonMapper json, Clock clock, ConnectionPoolLoad pool) {
		if (events.retention().compareTo(settings.retryFor()) < 0) {
			throw new RetentionShorterThanRetries(events.retention(), settings.retryFor());
		}
		this.deliveries = deliveries;
		this.settings = settings;
		this.addresses = new TargetAddresses(settings.allowPrivate());
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.concurrency = Math.max(1, settings.concurrency());
		this.slots = new Semaphore(this.concurrency);
		this.pool = pool;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(settings.timeout())
			.version(HttpClient.Version.HTTP_1_1)
			.executor(this.workers)
			.build();
	}

	/**
	 * Claims and sends due deliveries for up to a second, workspace after workspace (each
	 * claim reads the workspace's part of the due index in order, and no workspace's
	 * backlog starves the others), as long as there is work and a free slot.
	 */
	@Scheduled(initialDelay = 0, fixedDelayString = "${woes.webhooks.poll-interval:250ms}")
	void sendDue() {
		// Which workspaces have endpoints: server-wide. Each claim then runs in its own
		// workspace's context.
		List<WorkspaceId> workspaces = new ArrayList<>(SystemAccess.call(this.deliveries::dispatchedWorkspaces));
		if (workspaces.isEmpty()) {
			return;
		}
		Collections.rotate(workspaces, this.turn++ % workspaces.size());
		long deadline = System.nanoTime() + PASS.toNanos();
		while (!this.stopping && System.nanoTime() < deadline) {
			if (!awaitFreeSlot()) {
				continue;
			}
			if (room() <= 0) {
				// Requests are waiting for connections: wait for one of ours to finish.
				pause();
				continue;
			}
			int claimed = 0;
			for (WorkspaceId workspace : workspaces) {
				int free = room();
				if (free <= 0 || this.stopping) {
					break;
				}
				Instant now = Timestamps.now(this.clock);
				List<Deliveries.Claim> claims = WorkspaceContext.call(workspace.value(),
						() -> this.transactions.execute((status) -> {
							this.deliveries.commitWithoutFlushWait();
							return this.deliveries.claimDue(workspace, now, now.plus(this.settings.lease()), free);
						}));
				claimed += claims.size();
				for (Deliveries.Claim claim : claims) {
					this.slots.acquireUninterruptibly();
					this.workers.execute(() -> {
						try {
							attempt(claim);
						}
						finally {
							this.slots.release();
						}
					});
				}
			}
			if (claimed == 0) {
				return;
			}
		}
	}

	/**
	 * How many more requests may start now: up to {@code woes.webhooks.concurrency} in
	 * flight, but only {@code woes.webhooks.busy-concurrency} while threads wait for a
	 * database connection, so that deliveries give way to a busy API and still trickle
	 * out.
	 */
	private int room() {
		int inFlight = this.concurrency - this.slots.availablePermits();
		return inFlightLimit(this.concurrency, this.settings.busyConcurrency(), this.pool.hasWaiters()) - inFlight;
	}

	static int inFlightLimit(int concurrency, int busyConcurrency, boolean poolHasWaiters) {
		return poolHasWaiters ? Math.max(1, Math.min(busyConcurrency, concurrency)) : concurrency;
	}

	private void pause() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopping = true;
		}
	}

	private boolean awaitFreeSlot() {
		try {
			if (this.slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
				this.slots.release();
				return true;
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopping = true;
			return false;
		}
	}

	/**
	 * Stops claiming as soon as the server starts shutting down.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopClaiming() {
		this.stopping = true;
	}

	private void attempt(Deliveries.Claim claim) {
		if (claim.event() == null) {
			failWithoutEvent(claim);
			return;
		}
		Deliveries.Outcome outcome = send(claim);
		if (outcome == null || this.stopping) {
			// Interrupted by a shutdown: the lease runs out and the delivery is retried.
			return;
		}
		if (Delivery.SUCCEEDED.equals(outcome.state())) {
			recordSucceeded(new Deliveries.Recorded(claim, outcome));
			return;
		}
		try (WorkspaceContext.Scope scope = WorkspaceContext.enter(claim.workspace().value())) {
			this.transactions.executeWithoutResult((status) -> {
				this.deliveries.commitWithoutFlushWait();
				if (this.deliveries.recordOutcome(claim, outcome)) {
					this.deliveries.disableIfFailing(claim.workspace(), claim.delivery().webhookId(),
							this.settings.disableAfterFailedDeliveries(),
							outcome.at().minus(this.settings.disableAfter()), outcome.at());
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the outcome of webhook delivery {}; it will be retried",
					claim.delivery().id().value(), ex);
		}
	}

	/**
	 * Records successes in batches: the attempt that finds no batch being written writes
	 * every success waiting, one transaction per workspace, and the others leave theirs
	 * to it. Under load this turns many small transactions into a few, and an idle server
	 * writes each success at once. Whoever adds a success either writes it or finds the
	 * lock held by a writer that looks at the queue again after unlocking.
	 */
	private void recordSucceeded(Deliveries.Recorded success) {
		this.succeeded.add(success);
		while (!this.succeeded.isEmpty() && this.writing.tryLock()) {
			try {
				List<Deliveries.Recorded> batch = new ArrayList<>();
				for (Deliveries.Recorded next; (next = this.succeeded.poll()) != null;) {
					batch.add(next);
				}
				Map<WorkspaceId, List<Deliveries.Recorded>> byWorkspace = new LinkedHashMap<>();
				for (Deliveries.Recorded recorded : batch) {
					byWorkspace.computeIfAbsent(recorded.claim().workspace(), (key) -> new ArrayList<>()).add(recorded);
				}
				byWorkspace.forEach(this::writeSucceeded);
			}
			finally {
				this.writing.unlock();
			}
		}
	}

	private void writeSucceeded(WorkspaceId workspace, List<Deliveries.Recorded> successes) {
		try (WorkspaceContext.Scope scope = WorkspaceContext.enter(workspace.value())) {
			this.transactions.executeWithoutResult((status) -> {
				this.deliveries.commitWithoutFlushWait();
				this.deliveries.recordSucceeded(workspace, successes);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not record {} successful webhook deliveries of workspace {}; they will be sent again",
					successes.size(), workspace.value(), ex);
		}
	}

	/**
	 * The event was purged (the retention period ran out) while the delivery waited:
	 * there is nothing left to send. Not the receiver's failure, so its run of failures
	 * stays.
	 */
	private void failWithoutEvent(Deliveries.Claim claim) {
		try (WorkspaceContext.Scope scope = WorkspaceContext.enter(claim.workspace().value())) {
			this.transactions.executeWithoutResult((status) -> {
				this.deliveries.commitWithoutFlushWait();
				this.deliveries.failWithoutEvent(claim, EVENT_GONE, Timestamps.now(this.clock));
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not record that the event of webhook delivery {} is gone; it will be tried again",
					claim.delivery().id().value(), ex);
		}
	}

	/**
	 * One attempt.
	 * @return what it met, or {@code null} when it was interrupted
	 */
	Deliveries.Outcome send(Deliveries.Claim claim) {
		Delivery delivery = claim.delivery();
		Webhook webhook = claim.webhook();
		Instant now = Timestamps.now(this.clock);
		URI uri;
		try {
			uri = this.addresses.parse(webhook.url());
			this.addresses.addresses(uri);
		}
		catch (InvalidWebhookUrl ex) {
			return retry(delivery, null, null, "Refused before connecting: " + ex.getMessage(), now);
		}
		catch (UnknownHostException ex) {
			return retry(delivery, null, null, "The host name did not resolve.", now);
		}
		String body = Envelope.of(this.json, claim.workspace(), delivery.eventId(), delivery.eventType(),
				claim.event().createdAt(), claim.event().data());
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.settings.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Woes-Webhooks/1")
			.header("Woes-Event", delivery.eventType())
			.header("Woes-Event-Id", delivery.eventId().toString())
			.header("Woes-Delivery-Id", delivery.id().value().toString())
			.header("Woes-Signature", Signature.header(now.getEpochSecond(), body, webhook.signingSecrets(now)))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<InputStream> response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			String excerpt;
			try (InputStream in = response.body()) {
				excerpt = excerpt(in.readNBytes(RESPONSE_READ_LIMIT));
			}
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return new Deliveries.Outcome(Delivery.SUCCEEDED, status, excerpt, null, null, now);
			}
			if (isRetryable(status)) {
				return retry(delivery, status, excerpt, "The endpoint answered " + status + ".", now);
			}
			return new Deliveries.Outcome(Delivery.FAILED, status, excerpt,
					"The endpoint answered " + status + ", which is not retried.", null, now);
		}
		catch (HttpTimeoutException ex) {
			return retry(delivery, null, null,
					"No answer within " + this.settings.timeout().toMillis() / 1000.0 + " s.", now);
		}
		catch (IOException ex) {
			if (this.stopping) {
				return null;
			}
			return retry(delivery, null, null, "Could not connect or send: " + describe(ex), now);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/**
	 * 408, 409, 425, 429 and every 5xx are worth another try; any other answer is the
	 * receiver's decision and ends the delivery (redirects are not followed).
	 */
	static boolean isRetryable(int status) {
		return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
	}

	/**
	 * Schedules the next attempt with exponential backoff and jitter, or gives up when it
	 * would fall after the retry period.
	 */
	private Deliveries.Outcome retry(Delivery delivery, Integer status, String excerpt, String error, Instant now) {
		Duration delay = backoff(delivery.attempts(), this.settings.retryBaseDelay(), this.settings.retryMaxDelay());
		Instant next = now.plus(delay);
		if (next.isAfter(delivery.createdAt().plus(this.settings.retryFor()))) {
			return new Deliveries.Outcome(Delivery.FAILED, status, excerpt,
					error + " Gave up after " + delivery.attempts() + " attempts.", null, now);
		}
		return new Deliveries.Outcome(Delivery.PENDING, status, excerpt, error, next, now);
	}

	/**
	 * The wait after the given attempt: base, doubled per attempt, capped, then between
	 * half of it and all of it at random, so failing receivers are not hit in waves.
	 */
	static Duration backoff(int attempts, Duration base, Duration max) {
		long millis = base.toMillis();
		for (int i = 1; i < attempts && millis < max.toMillis(); i++) {
			millis *= 2;
		}
		millis = Math.min(millis, max.toMillis());
		long jittered = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
		return Duration.ofMillis(Math.max(1, jittered));
	}

	private static String excerpt(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8).replace("\u0000", "");
		if (text.codePointCount(0, text.length()) > EXCERPT_LENGTH) {
			text = text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH));
		}
		return text.isEmpty() ? null : text;
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		String kind = ex.getClass().getSimpleName();
		return (message != null && !message.isBlank()) ? kind + ": " + message : kind;
	}

	@Override
	public void destroy() {
		this.stopping = true;
		this.workers.shutdownNow();
		this.http.shutdownNow();
	}

}

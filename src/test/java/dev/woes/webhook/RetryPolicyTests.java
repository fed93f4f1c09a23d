package dev.woes.webhook;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which answers are retried, how long the sender waits between attempts, and how many
 * requests it keeps in flight.
 */
class RetryPolicyTests {

	private static final Duration BASE = Duration.ofSeconds(30);

	private static final Duration MAX = Duration.ofHours(1);

	@Test
	void retriesTimeoutsTooManyRequestsAndServerErrorsButNotTheReceiversOtherAnswers() {
		assertThat(java.util.List.of(408, 409, 425, 429, 500, 502, 503, 504, 599)).allMatch(WebhookSender::isRetryable);
		assertThat(java.util.List.of(301, 302, 307, 400, 401, 403, 404, 405, 410, 413, 415, 422))
			.noneMatch(WebhookSender::isRetryable);
	}

	@Test
	void theWaitDoublesPerAttemptWithinJitterAndStopsGrowingAtTheMaximum() {
		for (int attempt = 1; attempt <= 12; attempt++) {
			long full = Math.min(BASE.toMillis() << (attempt - 1), MAX.toMillis());
			for (int draw = 0; draw < 50; draw++) {
				long wait = WebhookSender.backoff(attempt, BASE, MAX).toMillis();
				assertThat(wait).as("attempt %d", attempt).isBetween(full / 2, full);
			}
		}
		assertThat(WebhookSender.backoff(40, BASE, MAX)).isLessThanOrEqualTo(MAX);
	}

	@Test
	void aDayOfRetriesWithTheDefaultsMakesAboutThirtyAttempts() {
		long elapsed = 0;
		int attempts = 1;
		while (true) {
			long wait = WebhookSender.backoff(attempts, BASE, MAX).toMillis();
			if (elapsed + wait > Duration.ofHours(24).toMillis()) {
				break;
			}
			elapsed += wait;
			attempts++;
		}
		assertThat(attempts).isBetween(25, 50);
	}

	@Test
	void whileThreadsWaitForADatabaseConnectionOnlyTheBusyConcurrencyIsInFlight() {
		assertThat(WebhookSender.inFlightLimit(16, 2, false)).isEqualTo(16);
		assertThat(WebhookSender.inFlightLimit(16, 2, true)).isEqualTo(2);
		assertThat(WebhookSender.inFlightLimit(1, 2, true)).as("never more than the concurrency").isEqualTo(1);
		assertThat(WebhookSender.inFlightLimit(16, 0, true)).as("deliveries still trickle out").isEqualTo(1);
	}

}

package dev.woes.webhook;

import java.time.Duration;

import dev.woes.shared.StartupRefused;

/**
 * Events would be purged while their deliveries are still retried: a delivery's body is
 * built from its event, so the server refuses to start.
 */
class RetentionShorterThanRetries extends StartupRefused {

	RetentionShorterThanRetries(Duration retention, Duration retryFor) {
		super("WOES_EVENTS_RETENTION (" + spelled(retention) + ") is shorter than WOES_WEBHOOKS_RETRY_FOR ("
				+ spelled(retryFor)
				+ "): a webhook delivery still being retried would lose its event, which its body is built from.",
				"Set WOES_EVENTS_RETENTION to at least WOES_WEBHOOKS_RETRY_FOR, or shorten WOES_WEBHOOKS_RETRY_FOR.");
	}

	/**
	 * A duration as the settings spell it: {@code 30d}, {@code 24h}, {@code 90s}.
	 */
	static String spelled(Duration duration) {
		long millis = duration.toMillis();
		for (var unit : new Object[][] { { 86_400_000L, "d" }, { 3_600_000L, "h" }, { 60_000L, "m" },
				{ 1_000L, "s" } }) {
			long size = (Long) unit[0];
			if (millis != 0 && millis % size == 0) {
				return millis / size + (String) unit[1];
			}
		}
		return millis + "ms";
	}

}

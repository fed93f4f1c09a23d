package dev.woes.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code woes.webhooks.*}, see docs/webhooks.md).
 *
 * @param allowPrivate permit {@code http} and private, loopback and link-local targets
 * (local development only)
 * @param retryFor how long a delivery is retried before it is marked failed
 * @param retryBaseDelay the delay before the second attempt; it doubles with every
 * attempt
 * @param retryMaxDelay the longest delay between two attempts
 * @param timeout connect and request timeout of one attempt
 * @param lease how long a claimed delivery stays with its sender before another may retry
 * it; longer than {@code timeout}
 * @param concurrency requests in flight per server
 * @param secretGrace how long a rotated-out secret keeps signing
 * @param disableAfter an endpoint whose attempts have all failed for this long is
 * disabled
 * @param disableAfterFailedDeliveries an endpoint with this many failed deliveries in a
 * row is disabled
 * @param pollInterval how often the dispatcher and the senders look for work
 * @param maxPending the pending deliveries a workspace may have before the dispatcher
 * stops queueing more for it; its events wait in the event log meanwhile
 * @param busyConcurrency requests in flight per server while threads wait for a database
 * connection: deliveries give way to a busy API
 */
@ConfigurationProperties("woes.webhooks")
public record WebhookSettings(@DefaultValue("false") boolean allowPrivate, @DefaultValue("24h") Duration retryFor,
		@DefaultValue("30s") Duration retryBaseDelay, @DefaultValue("1h") Duration retryMaxDelay,
		@DefaultValue("10s") Duration timeout, @DefaultValue("60s") Duration lease, @DefaultValue("16") int concurrency,
		@DefaultValue("24h") Duration secretGrace, @DefaultValue("72h") Duration disableAfter,
		@DefaultValue("100") int disableAfterFailedDeliveries, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("5000") int maxPending, @DefaultValue("2") int busyConcurrency) {

}

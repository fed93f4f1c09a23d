package dev.woes.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.woes.auth.ApiKeyId;
import dev.woes.limits.TokenBucket.Rate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The token buckets of this node: one per API key for every request, one per client
 * address for failed authentication. Limits are per node: with several nodes behind a
 * balancer a key gets up to the limit on each.
 */
@Component
public class RateLimits {

	private final Rate perKey;

	private final Rate failedAuthentications;

	private final Map<ApiKeyId, TokenBucket> keys = new ConcurrentHashMap<>();

	private final Map<String, TokenBucket> addresses = new ConcurrentHashMap<>();

	RateLimits(@Value("${woes.rate-limit.requests-per-second:50}") double requestsPerSecond,
			@Value("${woes.rate-limit.burst:100}") int burst,
			@Value("${woes.rate-limit.failed-authentications-per-minute:30}") double failedPerMinute,
			@Value("${woes.rate-limit.failed-authentication-burst:10}") int failedBurst) {
		this.perKey = Rate.perSecond(requestsPerSecond, burst);
		this.failedAuthentications = Rate.perMinute(failedPerMinute, failedBurst);
	}

	/**
	 * Takes one request from the key's bucket.
	 */
	public RateDecision takeForKey(ApiKeyId key) {
		long now = System.nanoTime();
		return this.keys.computeIfAbsent(key, (absent) -> new TokenBucket(now)).take(this.perKey, now);
	}

	/**
	 * Whether the address may fail authentication once more.
	 */
	public boolean mayFailAuthentication(String address) {
		TokenBucket bucket = this.addresses.get(address);
		return bucket == null || bucket.wouldAllow(this.failedAuthentications, System.nanoTime());
	}

	/**
	 * Records a failed authentication from the address.
	 */
	public RateDecision failedAuthentication(String address) {
		long now = System.nanoTime();
		return this.addresses.computeIfAbsent(address, (absent) -> new TokenBucket(now))
			.take(this.failedAuthentications, now);
	}

	/**
	 * Forgets full buckets, which are the same as no bucket, so addresses and keys seen
	 * once do not accumulate.
	 */
	@Scheduled(fixedDelayString = "${woes.rate-limit.cleanup-interval:60s}")
	void forgetFullBuckets() {
		long now = System.nanoTime();
		this.keys.values().removeIf((bucket) -> bucket.isFullAt(now));
		this.addresses.values().removeIf((bucket) -> bucket.isFullAt(now));
	}

}

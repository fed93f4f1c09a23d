package dev.woes.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import dev.woes.database.SystemAccess;
import dev.woes.shared.Timestamps;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks presented keys against an in-memory copy of every key, so a request costs no
 * database round trip. The copy is reloaded every {@code woes.auth.key-refresh-interval}
 * (2 s by default), which is how a key revoked on any node stops working on every node
 * within that interval. Use is collected in memory and written in one batch every
 * {@code woes.auth.usage-flush-interval}.
 */
@Component
public class KeyVerifier implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(KeyVerifier.class);

	private final ApiKeys keys;

	private final Clock clock;

	private volatile Map<String, ApiKey> byHash = Map.of();

	private final Map<ApiKeyId, Instant> pendingUse = new ConcurrentHashMap<>();

	private final Lock reloading = new ReentrantLock();

	KeyVerifier(ApiKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Loads the keys before the web server accepts its first request, so a node that
	 * restarts under load never refuses a live key.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		reload();
	}

	/**
	 * The outcome of checking a presented token.
	 */
	public sealed interface Verdict {

		record Accepted(Caller caller) implements Verdict {
		}

		record Expired() implements Verdict {
		}

		record Rejected() implements Verdict {
		}

	}

	public Verdict verify(String token) {
		if (!ApiKeySecret.isWellFormed(token)) {
			return new Verdict.Rejected();
		}
		ApiKey key = this.byHash.get(ApiKeySecret.hash(token));
		if (key == null || key.isRevoked()) {
			return new Verdict.Rejected();
		}
		Instant now = Timestamps.now(this.clock);
		if (key.isExpiredAt(now)) {
			return new Verdict.Expired();
		}
		this.pendingUse.put(key.id(), now);
		return new Verdict.Accepted(new Caller(key));
	}

	/**
	 * Reloads run one at a time, so a reload that read the keys before a change cannot
	 * publish its older copy over the one of a reload that read them after.
	 */
	@Scheduled(initialDelay = 0, fixedDelayString = "${woes.auth.key-refresh-interval:2s}")
	public void reload() {
		this.reloading.lock();
		try {
			// Keys are found by hash before any workspace is known.
			this.byHash = SystemAccess.call(() -> Map.copyOf(this.keys.allByHash()));
		}
		finally {
			this.reloading.unlock();
		}
	}

	@Scheduled(fixedDelayString = "${woes.auth.usage-flush-interval:10s}")
	void flushUse() {
		if (this.pendingUse.isEmpty()) {
			return;
		}
		Map<ApiKeyId, Instant> batch = new HashMap<>();
		for (ApiKeyId id : this.pendingUse.keySet()) {
			Instant at = this.pendingUse.remove(id);
			if (at != null) {
				batch.put(id, at);
			}
		}
		try {
			SystemAccess.run(() -> this.keys.recordUse(batch));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record API key use; will retry", ex);
			batch.forEach((id, at) -> this.pendingUse.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
		}
	}

	@PreDestroy
	void flushOnShutdown() {
		flushUse();
	}

}

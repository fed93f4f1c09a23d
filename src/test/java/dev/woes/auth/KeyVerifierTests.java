package dev.woes.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.woes.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier's in-memory copy of the keys stays as fresh as its latest reload, however
 * reloads overlap: the scheduled one and the one right after a key is added or revoked.
 */
class KeyVerifierTests {

	@Test
	void aSlowReloadThatReadBeforeAKeyWasAddedDoesNotHideItFromALaterReload() throws Exception {
		StalledFirstRead keys = new StalledFirstRead();
		KeyVerifier verifier = new KeyVerifier(keys, Clock.systemUTC());
		ApiKeySecret secret = ApiKeySecret.generate();

		Thread slow = Thread.ofPlatform().start(verifier::reload);
		assertThat(keys.firstReadTaken.await(10, TimeUnit.SECONDS)).isTrue();
		keys.add(newKey(secret), secret.hash());
		Thread fresh = Thread.ofPlatform().start(verifier::reload);
		awaitWaitingOrDone(fresh);
		keys.releaseFirstRead.countDown();
		slow.join(10_000);
		fresh.join(10_000);

		assertThat(verifier.verify(secret.value())).isInstanceOf(KeyVerifier.Verdict.Accepted.class);
	}

	private static ApiKey newKey(ApiKeySecret secret) {
		return new ApiKey(new ApiKeyId(new WorkspaceId(UUID.randomUUID()), UUID.randomUUID()), secret.prefix(), "test",
				Set.of(), Instant.now(), null, null, null);
	}

	private static void awaitWaitingOrDone(Thread thread) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.BLOCKED
				&& thread.getState() != Thread.State.TERMINATED && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	/**
	 * Keys in memory, whose first full read takes its copy and then stalls until
	 * released, like a query that started just before a commit and answers just after.
	 */
	private static final class StalledFirstRead implements ApiKeys {

		private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();

		private final CountDownLatch firstReadTaken = new CountDownLatch(1);

		private final CountDownLatch releaseFirstRead = new CountDownLatch(1);

		@Override
		public void add(ApiKey key, String secretHash) {
			this.byHash.put(secretHash, key);
		}

		@Override
		public Map<String, ApiKey> allByHash() {
			Map<String, ApiKey> copy = new HashMap<>(this.byHash);
			if (this.firstReadTaken.getCount() > 0) {
				this.firstReadTaken.countDown();
				try {
					this.releaseFirstRead.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return copy;
		}

		@Override
		public boolean holds(WorkspaceId workspace, String secretHash) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<ApiKey> listFor(WorkspaceId workspace) {
			throw new UnsupportedOperationException();
		}

		@Override
		public List<ApiKey> findByPrefix(String prefix) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void revoke(ApiKeyId id, Instant at) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void recordUse(Map<ApiKeyId, Instant> lastUse) {
			throw new UnsupportedOperationException();
		}

	}

}

package dev.woes.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.woes.database.SystemAccess;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept for the retention period (30 days by default), then purged: the feed no
 * longer shows them and a cursor naming one is refused with a sentence saying what to do.
 * Purges on several nodes exclude each other: one that finds another running skips.
 */
class EventRetentionIT extends ApiTest {

	@Autowired
	private EventRetention retention;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void purgesEventsOlderThanTheRetentionPeriodAndKeepsTheRest() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Old news");
		postMessage(tenant, conversation, "recent");
		List<String> before = ids(get(tenant.key(), "/api/v1/events"));
		assertThat(before).hasSize(2);
		age(tenant, before.get(0), "31 days");
		age(tenant, before.get(1), "29 days");

		assertThat(this.retention.purgeExpired()).isGreaterThanOrEqualTo(1);

		assertThat(ids(get(tenant.key(), "/api/v1/events"))).containsExactly(before.get(1));
		Reply expired = get(tenant.key(), "/api/v1/events?startingAfter=" + before.get(0));
		assertThat(expired.status()).isEqualTo(400);
		assertThat(expired.json().path("error").asString())
			.isEqualTo("startingAfter must be the id of an event of this workspace that is still retained; "
					+ "read the feed from its start (without startingAfter) instead.");
	}

	@Test
	void aPurgeThatFindsAnotherOneRunningSkipsAndTheRunningOneRemovesEveryExpiredEvent() throws Exception {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Old news");
		postMessage(tenant, conversation, "old");
		postMessage(tenant, conversation, "older");
		List<String> expired = ids(get(tenant.key(), "/api/v1/events"));
		assertThat(expired).hasSize(3);
		expired.forEach((id) -> age(tenant, id, "31 days"));

		ExecutorService threads = Executors.newFixedThreadPool(3);
		try {
			// Holds the expired rows, so that the first purge stops inside its batch
			// transaction, holding the purge lock, until they are released.
			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			Future<?> holder = threads
				.submit(() -> SystemAccess.run(() -> this.transactions.executeWithoutResult((tx) -> {
					this.jdbc.sql("SELECT event_id FROM events WHERE workspace_id = :w FOR UPDATE")
						.param("w", tenant.workspace().id().value())
						.query()
						.listOfRows();
					held.countDown();
					await(release);
				})));
			assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

			Future<Long> first = threads.submit(this.retention::purgeExpired);
			awaitPurgeWaitingWhileHoldingTheLock();
			long second = threads.submit(this.retention::purgeExpired).get(10, TimeUnit.SECONDS);

			assertThat(second).isZero();
			assertThat(first).isNotDone();
			assertThat(ids(get(tenant.key(), "/api/v1/events"))).containsExactlyElementsOf(expired);

			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
			assertThat(first.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(expired.size());
			assertThat(ids(get(tenant.key(), "/api/v1/events"))).isEmpty();
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void twoPurgesAtOnceDeleteEveryExpiredEventOnceBetweenThem() throws Exception {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Old news");
		for (int i = 0; i < 5; i++) {
			postMessage(tenant, conversation, "old " + i);
		}
		List<String> expired = ids(get(tenant.key(), "/api/v1/events"));
		expired.forEach((id) -> age(tenant, id, "31 days"));

		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Future<Long> one = threads.submit(() -> {
				await(start);
				return this.retention.purgeExpired();
			});
			Future<Long> other = threads.submit(() -> {
				await(start);
				return this.retention.purgeExpired();
			});
			start.countDown();

			assertThat(one.get(30, TimeUnit.SECONDS) + other.get(30, TimeUnit.SECONDS)).isEqualTo(expired.size());
			assertThat(ids(get(tenant.key(), "/api/v1/events"))).isEmpty();
		}
		finally {
			threads.shutdownNow();
		}
	}

	private void age(Tenant tenant, String event, String age) {
		this.jdbc
			.sql("UPDATE events SET occurred_at = now() - CAST(:age AS interval) WHERE workspace_id = :w"
					+ " AND event_id = CAST(:id AS uuid)")
			.param("age", age)
			.param("w", tenant.workspace().id().value())
			.param("id", event)
			.update();
	}

	/**
	 * Waits until a database session holds the purge's advisory lock and waits for a lock
	 * of a row it is deleting.
	 */
	private void awaitPurgeWaitingWhileHoldingTheLock() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM pg_locks held JOIN pg_locks waiting ON waiting.pid = held.pid
				                WHERE held.locktype = 'advisory' AND held.granted AND held.objsubid = 1
				                  AND ((held.classid::bigint << 32) | held.objid::bigint) = :lock
				                  AND NOT waiting.granted)
				""").param("lock", EventRetention.PURGE_LOCK).query(Boolean.class).single()) {
			assertThat(System.nanoTime()).as("a purge waiting while it holds the lock").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> ids(Reply reply) {
		return reply.json().path("events").valueStream().map((event) -> event.path("id").asString()).toList();
	}

}

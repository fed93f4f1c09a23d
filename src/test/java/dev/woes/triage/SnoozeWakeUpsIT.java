package dev.woes.triage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snoozes wake exactly once, however many claimers run at the same time, and a snooze
 * voided by a status change never wakes.
 */
class SnoozeWakeUpsIT extends ApiTest {

	@Autowired
	private SnoozeWakeUps wakeUps;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void twoConcurrentClaimersWakeEveryDueSnoozeExactlyOnce() throws Exception {
		List<Tenant> tenants = List.of(newTenant(), newTenant());
		List<String> conversations = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			Tenant tenant = tenants.get(i % 2);
			String id = openConversation(tenant, "cus_" + i, "Snoozed " + i);
			Reply snoozed = send(tenant.key(), "PUT", "/api/v1/conversations/" + id + "/status",
					"{\"snoozedUntil\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
			assertThat(snoozed.status()).isEqualTo(200);
			conversations.add(id);
		}
		// Due only from the claimers' point of view: the running server's clock is a day
		// behind them, so only these two claimers take part.
		Instant later = Instant.now().plus(2, ChronoUnit.DAYS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> claimers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (int i = 0; i < 2; i++) {
				claimers.add(pool.submit(() -> {
					start.await();
					int total = 0;
					int claimed;
					do {
						claimed = this.wakeUps.wakeDue(later, 3);
						total += claimed;
					}
					while (claimed > 0);
					return total;
				}));
			}
			start.countDown();
			int first = claimers.get(0).get();
			int second = claimers.get(1).get();
			assertThat(first + second).as("each snooze is claimed by one claimer only").isEqualTo(30);
		}

		for (int i = 0; i < conversations.size(); i++) {
			Tenant tenant = tenants.get(i % 2);
			String id = conversations.get(i);
			assertThat(get(tenant.key(), "/api/v1/conversations/" + id).json().at("/conversation/status").asString())
				.isEqualTo("open");
			assertThat(systemWakeUps(tenant, id)).as(id).isEqualTo(1);
		}
		assertThat(this.wakeUps.wakeDue(later, 100)).isZero();
	}

	@Test
	void aStatusChangeVoidsThePendingSnooze() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Voided");
		send(tenant.key(), "PUT", "/api/v1/conversations/" + id + "/status",
				"{\"snoozedUntil\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}");
		patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"solved\"}");
		patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"waiting\"}");

		this.wakeUps.wakeDue(Instant.now().plus(2, ChronoUnit.DAYS), 100);

		assertThat(get(tenant.key(), "/api/v1/conversations/" + id).json().at("/conversation/status").asString())
			.isEqualTo("waiting");
		assertThat(systemWakeUps(tenant, id)).isZero();
	}

	private int systemWakeUps(Tenant tenant, String id) {
		return this.jdbc.sql("""
				SELECT count(*) FROM events
				WHERE workspace_id = :w AND subject_id = :id AND type = 'conversation.status.updated'
				  AND actor_type = 'system'
				""")
			.param("w", tenant.workspace().id().value())
			.param("id", UUID.fromString(id))
			.query(Integer.class)
			.single();
	}

}

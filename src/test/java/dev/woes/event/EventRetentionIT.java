package dev.woes.event;

import java.util.List;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are kept for the retention period (30 days by default), then purged: the feed no
 * longer shows them and a cursor naming one is refused with a sentence saying what to do.
 */
class EventRetentionIT extends ApiTest {

	@Autowired
	private EventRetention retention;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void purgesEventsOlderThanTheRetentionPeriodAndKeepsTheRest() {
		Tenant tenant = newTenant();
		String conversation = openConversation(tenant, "cus_1", "Old news");
		postMessage(tenant, conversation, "recent");
		List<String> before = ids(get(tenant.key(), "/api/v1/events"));
		assertThat(before).hasSize(2);
		this.jdbc
			.sql("UPDATE events SET occurred_at = now() - interval '31 days' WHERE workspace_id = :w"
					+ " AND event_id = CAST(:id AS uuid)")
			.param("w", tenant.workspace().id().value())
			.param("id", before.get(0))
			.update();
		this.jdbc
			.sql("UPDATE events SET occurred_at = now() - interval '29 days' WHERE workspace_id = :w"
					+ " AND event_id = CAST(:id AS uuid)")
			.param("w", tenant.workspace().id().value())
			.param("id", before.get(1))
			.update();

		assertThat(this.retention.purgeExpired()).isGreaterThanOrEqualTo(1);

		assertThat(ids(get(tenant.key(), "/api/v1/events"))).containsExactly(before.get(1));
		Reply expired = get(tenant.key(), "/api/v1/events?startingAfter=" + before.get(0));
		assertThat(expired.status()).isEqualTo(400);
		assertThat(expired.json().path("error").asString())
			.isEqualTo("startingAfter must be the id of an event of this workspace that is still retained; "
					+ "read the feed from its start (without startingAfter) instead.");
	}

	private static List<String> ids(Reply reply) {
		return reply.json().path("events").valueStream().map((event) -> event.path("id").asString()).toList();
	}

}

package dev.woes.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code externalId} is unique per workspace by a database constraint, so racing creates
 * cannot both win.
 */
class ExternalIdIT extends ApiTest {

	@Test
	void fiftyConcurrentCreatesWithOneExternalIdGiveOneConversationAndFortyNineConflicts() throws Exception {
		Tenant tenant = newTenant();
		String body = "{\"externalId\": \"ticket_race\", \"subject\": \"Race\", \"customer\": {\"id\": \"c\"}}";
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(50)) {
			for (int i = 0; i < 50; i++) {
				statuses.add(clients.submit(() -> {
					start.await();
					return post(tenant.key(), "/api/v1/conversations", body).status();
				}));
			}
			start.countDown();
			List<Integer> answered = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answered.add(status.get());
			}

			assertThat(answered).filteredOn((status) -> status == 201).hasSize(1);
			assertThat(answered).filteredOn((status) -> status == 409).hasSize(49);
		}
		assertThat(get(tenant.key(), "/api/v1/conversations").json().path("conversations")).hasSize(1);
	}

}

package dev.woes.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
 * Status labels: defaults that appear once, management, and the rule that every lifecycle
 * keeps an enabled status.
 */
class StatusesIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aNewWorkspaceHasAnEnabledStatusForEveryLifecycle() {
		Tenant tenant = newTenant("definitions:read");

		Reply list = get(tenant.key(), "/api/v1/statuses");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.fieldNames("")).containsExactly("object", "hasMore", "statuses");
		assertThat(list.fieldNames("/statuses/0")).containsExactly("object", "id", "label", "lifecycle", "enabled",
				"rank", "tone", "color");
		assertThat(list.json()
			.path("statuses")
			.valueStream()
			.map((status) -> status.path("label").asString() + "/" + status.path("lifecycle").asString()))
			.containsExactly("Open/open", "Waiting on customer/waiting", "Waiting on team/waiting", "Solved/solved");
		assertThat(list.json().at("/statuses/0/object").asString()).isEqualTo("status");
	}

	@Test
	void concurrentFirstReadsSeedTheDefaultsExactlyOnce() throws Exception {
		Tenant tenant = newTenant();
		int readers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Reply>> calls = new ArrayList<>();
		for (int i = 0; i < readers; i++) {
			calls.add(() -> {
				start.await();
				return get(tenant.key(), "/api/v1/statuses");
			});
		}
		List<Reply> replies = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(readers)) {
			List<Future<Reply>> futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			for (Future<Reply> future : futures) {
				replies.add(future.get());
			}
		}

		assertThat(replies).allSatisfy((reply) -> {
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().path("statuses")).hasSize(4);
		});
		assertThat(this.jdbc.sql("SELECT count(*) FROM status_definitions WHERE workspace_id = :w")
			.param("w", tenant.workspace().id().value())
			.query(Integer.class)
			.single()).isEqualTo(4);
	}

	@Test
	void createsUpdatesAndDeletesAStatus() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/statuses",
				"{\"label\": \"Waiting on vendor\", \"lifecycle\": \"waiting\", \"tone\": \"warning\", \"color\": \"#112233\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().at("/status/rank").asInt()).isEqualTo(5);
		assertThat(created.json().at("/status/enabled").asBoolean()).isTrue();
		String id = created.json().at("/status/id").asString();

		Reply updated = patch(tenant.key(), "/api/v1/statuses/" + id, "{\"label\": \"On vendor\", \"rank\": 0}");
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().at("/status/label").asString()).isEqualTo("On vendor");
		assertThat(get(tenant.key(), "/api/v1/statuses").json().at("/statuses/0/label").asString())
			.isEqualTo("On vendor");
		assertThat(get(tenant.key(), "/api/v1/statuses/" + id).json().at("/status/lifecycle").asString())
			.isEqualTo("waiting");

		assertThat(send(tenant.key(), "DELETE", "/api/v1/statuses/" + id, null).status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/statuses/" + id).status()).isEqualTo(404);
		assertThat(get(tenant.key(), "/api/v1/statuses").json().path("statuses")).hasSize(4);
	}

	@Test
	void theLastEnabledStatusOfALifecycleCanBeNeitherDisabledNorDeleted() {
		Tenant tenant = newTenant();
		String open = idOf(tenant, "Open");

		Reply disable = patch(tenant.key(), "/api/v1/statuses/" + open, "{\"enabled\": false}");
		assertThat(disable.status()).isEqualTo(409);
		assertThat(disable.json().path("error").asString()).contains("last enabled status of lifecycle open");
		assertThat(send(tenant.key(), "DELETE", "/api/v1/statuses/" + open, null).status()).isEqualTo(409);

		post(tenant.key(), "/api/v1/statuses", "{\"label\": \"New\", \"lifecycle\": \"open\"}");
		assertThat(patch(tenant.key(), "/api/v1/statuses/" + open, "{\"enabled\": false}").status()).isEqualTo(200);
		assertThat(send(tenant.key(), "DELETE", "/api/v1/statuses/" + open, null).status()).isEqualTo(204);
	}

	@Test
	void refusesDuplicateLabelsAChangedLifecycleAndBadShapes() {
		Tenant tenant = newTenant();
		assertThat(post(tenant.key(), "/api/v1/statuses", "{\"label\": \"open\", \"lifecycle\": \"open\"}").status())
			.isEqualTo(409);
		Reply noLifecycle = post(tenant.key(), "/api/v1/statuses", "{\"label\": \"Later\"}");
		assertThat(noLifecycle.status()).isEqualTo(400);
		assertThat(noLifecycle.json().path("error").asString()).isEqualTo("lifecycle is required.");
		assertThat(post(tenant.key(), "/api/v1/statuses", "{\"label\": \"Later\", \"lifecycle\": \"closed\"}").json()
			.path("error")
			.asString()).isEqualTo("lifecycle must be one of open, waiting, solved.");
		assertThat(post(tenant.key(), "/api/v1/statuses", "{\"label\": \"\", \"lifecycle\": \"open\"}").status())
			.isEqualTo(400);
		Reply lifecycleChange = patch(tenant.key(), "/api/v1/statuses/" + idOf(tenant, "Solved"),
				"{\"lifecycle\": \"open\"}");
		assertThat(lifecycleChange.status()).isEqualTo(400);
		assertThat(lifecycleChange.json().path("error").asString()).isEqualTo("Unknown field: lifecycle.");
		assertThat(patch(tenant.key(), "/api/v1/statuses/" + idOf(tenant, "Solved"), "{}").status()).isEqualTo(400);
		assertThat(patch(tenant.key(), "/api/v1/statuses/" + idOf(tenant, "Solved"), "{\"label\": \"Waiting on team\"}")
			.status()).isEqualTo(409);
	}

	@Test
	void everyChangeIsRecordedAsADefinitionEvent() {
		Tenant tenant = newTenant();
		String id = post(tenant.key(), "/api/v1/statuses", "{\"label\": \"Triage\", \"lifecycle\": \"open\"}").json()
			.at("/status/id")
			.asString();
		patch(tenant.key(), "/api/v1/statuses/" + id, "{\"color\": \"#000000\"}");
		send(tenant.key(), "DELETE", "/api/v1/statuses/" + id, null);

		List<String> types = this.jdbc
			.sql("SELECT type FROM events WHERE workspace_id = :w AND subject_id = :id ORDER BY seq")
			.param("w", tenant.workspace().id().value())
			.param("id", java.util.UUID.fromString(id))
			.query(String.class)
			.list();
		assertThat(types).containsExactly("definition.created", "definition.updated", "definition.deleted");
	}

	private String idOf(Tenant tenant, String label) {
		return get(tenant.key(), "/api/v1/statuses").json()
			.path("statuses")
			.valueStream()
			.filter((status) -> status.path("label").asString().equals(label))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

}

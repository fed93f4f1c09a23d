package dev.woes.definition;

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
 * Tag definitions: names unique regardless of case, scopes, management.
 */
class TagsIT extends ApiTest {

	@Test
	void createsListsByScopeUpdatesAndDeletesTags() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/tags",
				"{\"name\": \"Billing\", \"color\": \"#00AA00\", \"description\": \"Money matters\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.fieldNames("/tag")).containsExactly("object", "id", "name", "scope", "color", "description");
		assertThat(created.json().at("/tag/scope").asString()).isEqualTo("issue");
		post(tenant.key(), "/api/v1/tags", "{\"name\": \"enterprise\", \"scope\": \"account\"}");
		String id = created.json().at("/tag/id").asString();

		assertThat(get(tenant.key(), "/api/v1/tags").json()
			.path("tags")
			.valueStream()
			.map((tag) -> tag.path("name").asString())).containsExactly("Billing", "enterprise");
		assertThat(get(tenant.key(), "/api/v1/tags?scope=account").json()
			.path("tags")
			.valueStream()
			.map((tag) -> tag.path("name").asString())).containsExactly("enterprise");
		assertThat(get(tenant.key(), "/api/v1/tags?scope=team").status()).isEqualTo(400);

		Reply renamed = patch(tenant.key(), "/api/v1/tags/" + id, "{\"name\": \"billing-v2\", \"description\": \"\"}");
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().at("/tag/name").asString()).isEqualTo("billing-v2");
		assertThat(renamed.json().at("/tag/color").asString()).isEqualTo("#00AA00");
		assertThat(patch(tenant.key(), "/api/v1/tags/" + id, "{\"name\": \"ENTERPRISE\"}").status()).isEqualTo(409);

		assertThat(send(tenant.key(), "DELETE", "/api/v1/tags/" + id, null).status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/tags/" + id).status()).isEqualTo(404);
	}

	@Test
	void refusesBadNamesScopesAndColors() {
		Tenant tenant = newTenant();
		assertThat(post(tenant.key(), "/api/v1/tags", "{}").json().path("error").asString())
			.isEqualTo("name is required.");
		assertThat(post(tenant.key(), "/api/v1/tags", "{\"name\": \"" + "x".repeat(65) + "\"}").status())
			.isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/tags", "{\"name\": \"a\", \"scope\": \"team\"}").status())
			.isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/tags", "{\"name\": \"a\", \"color\": \"green\"}").status())
			.isEqualTo(400);
		assertThat(get(tenant.key(), "/api/v1/tags").json().path("tags")).isEmpty();
	}

	@Test
	void ofConcurrentCreatesOfOneNameInAnyCaseExactlyOneSucceeds() throws Exception {
		Tenant tenant = newTenant();
		List<String> spellings = List.of("urgent-fix", "URGENT-FIX", "Urgent-Fix", "urgent-FIX", "uRgEnT-fIx",
				"Urgent-fix", "URGENT-fix", "urgent-Fix");
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Reply>> futures = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(spellings.size())) {
			for (String name : spellings) {
				futures.add(pool.submit(() -> {
					start.await();
					return post(tenant.key(), "/api/v1/tags", "{\"name\": \"" + name + "\"}");
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Reply> future : futures) {
				statuses.add(future.get().status());
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		}
		assertThat(get(tenant.key(), "/api/v1/tags").json().path("tags")).hasSize(1);
	}

}

package dev.woes.shared;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators watch: health with the database in readiness, and Prometheus metrics per
 * route and for the connection pool.
 */
class OperationsIT extends ApiTest {

	@Test
	void reportsHealthLivenessAndReadinessIncludingTheDatabase() {
		Reply health = get(null, "/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");

		assertThat(get(null, "/health/liveness").json().path("status").asString()).isEqualTo("UP");
		Reply readiness = get(null, "/health/readiness");
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
		assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesRequestMetricsPerRouteAndPoolUsage() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "c", "Metrics");
		get(tenant.key(), "/api/v1/conversations/" + id);

		Reply metrics = get(null, "/metrics");

		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count{")
			.contains("uri=\"/api/v1/conversations/{conversationId}\"")
			.contains("http_server_requests_seconds_bucket{")
			.contains("hikaricp_connections_active{")
			.contains("hikaricp_connections_pending{");
	}

}

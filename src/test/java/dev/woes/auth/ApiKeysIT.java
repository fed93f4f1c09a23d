package dev.woes.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys are checked from memory, yet a key revoked anywhere stops working within seconds,
 * and use is recorded without a write per request.
 */
class ApiKeysIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private KeyVerifier verifier;

	@Test
	void aKeyRevokedInTheDatabaseByAnotherNodeStopsWorkingWithinFiveSeconds() throws InterruptedException {
		Tenant tenant = newTenant();
		assertThat(get(tenant.key(), "/api/v1/conversations").status()).isEqualTo(200);

		this.jdbc.sql("UPDATE api_keys SET revoked_at = now() WHERE workspace_id = :workspace")
			.param("workspace", tenant.workspace().id().value())
			.update();
		Instant revokedAt = Instant.now();

		assertThat(statusWithinSixSeconds(tenant.key(), 401)).isEqualTo(401);
		assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aKeyAddedByAnotherNodeStartsWorkingWithinFiveSeconds() throws InterruptedException {
		Tenant tenant = newTenant();
		ApiKeySecret secret = ApiKeySecret.generate();
		this.jdbc.sql("""
				INSERT INTO api_keys (workspace_id, key_id, prefix, key_hash, name, created_at)
				VALUES (:workspace, gen_random_uuid(), :prefix, :hash, 'elsewhere', now())
				""")
			.param("workspace", tenant.workspace().id().value())
			.param("prefix", secret.prefix())
			.param("hash", secret.hash())
			.update();
		Instant addedAt = Instant.now();

		assertThat(statusWithinSixSeconds(secret.value(), 200)).isEqualTo(200);
		assertThat(Duration.between(addedAt, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void lastUsedAtIsRecordedInBatchesNotOnEveryRequest() {
		Tenant tenant = newTenant();
		this.verifier.flushUse();
		for (int i = 0; i < 20; i++) {
			assertThat(get(tenant.key(), "/api/v1/conversations").status()).isEqualTo(200);
		}
		assertThat(storedKeys(tenant).get(0).lastUsedAt()).isNull();

		this.verifier.flushUse();

		Instant lastUsed = storedKeys(tenant).get(0).lastUsedAt();
		assertThat(lastUsed).isNotNull().isBetween(Instant.now().minusSeconds(30), Instant.now());
	}

	@Test
	void storesOnlyAHashAndAVisiblePrefix() {
		Tenant tenant = newTenant();

		List<String> stored = this.jdbc
			.sql("SELECT prefix || ' ' || key_hash || ' ' || name FROM api_keys WHERE workspace_id = :workspace")
			.param("workspace", tenant.workspace().id().value())
			.query(String.class)
			.list();

		assertThat(tenant.key()).matches("woesk_[A-Za-z0-9]{43}");
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0)).startsWith(tenant.key().substring(0, 15) + " ").doesNotContain(tenant.key());
	}

	@Test
	void refusesUnknownScopesWhenAKeyIsCreated() {
		Tenant tenant = newTenant();

		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> this.keys.issue(tenant.workspace().slug(), "bad", List.of("conversations:delete"), null))
			.hasMessageContaining("Unknown scope 'conversations:delete'");
		assertThat(storedKeys(tenant)).hasSize(1);
	}

	/**
	 * Polls the conversation list with a key until it answers the awaited status, for at
	 * most six seconds; answers the last status seen.
	 */
	private int statusWithinSixSeconds(String key, int awaited) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(6);
		int status = get(key, "/api/v1/conversations").status();
		while (status != awaited && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			status = get(key, "/api/v1/conversations").status();
		}
		return status;
	}

	private List<ApiKey> storedKeys(Tenant tenant) {
		return this.keys.list(tenant.workspace().slug());
	}

}

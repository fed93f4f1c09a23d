package dev.woes.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.auth.KeyManagement;
import dev.woes.support.ApiTest;
import dev.woes.support.ApiTest.Reply;
import dev.woes.support.DataDirectories;
import dev.woes.support.RawHttp;
import dev.woes.support.WoesServer;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.Workspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits with small settings, on a server of their own: a key's burst and refill, the
 * slowdown of failed authentication, and clients that send a request too slowly.
 */
class LimitsIT {

	private static final String CONVERSATIONS = "/api/v1/conversations";

	private static WoesServer server;

	private static int port;

	@BeforeAll
	static void start() {
		server = WoesServer.start(DataDirectories.newDataDirectory("limits"), "woes.rate-limit.requests-per-second=1",
				"woes.rate-limit.burst=3", "woes.rate-limit.failed-authentications-per-minute=6",
				"woes.rate-limit.failed-authentication-burst=3", "woes.limits.request-body-timeout=2s",
				"server.tomcat.connection-timeout=1s");
		port = server.context().getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void aKeyGetsItsBurstThenA429UntilItsBucketRefills() throws Exception {
		Workspace workspace = newWorkspace();
		String key = newKey(workspace);
		String other = newKey(workspace);

		List<Reply> burst = List.of(get(key), get(key), get(key));
		Reply refused = get(key);
		Reply otherKey = get(other);
		Thread.sleep(1100);
		Reply refilled = get(key);

		assertThat(burst).extracting(Reply::status).containsOnly(200);
		assertThat(burst).extracting((reply) -> reply.header("RateLimit-Remaining")).containsExactly("2", "1", "0");
		assertThat(burst).extracting((reply) -> reply.header("RateLimit-Limit")).containsOnly("3");
		assertThat(burst.get(2).header("RateLimit-Reset")).isEqualTo("3");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.json().path("code").asString()).isEqualTo("rate_limited");
		assertThat(refused.json().path("error").asString()).contains("API key");
		assertThat(refused.header("Retry-After")).isEqualTo("1");
		assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(otherKey.status()).isEqualTo(200);
		assertThat(refilled.status()).isEqualTo(200);
	}

	@Test
	void failedAuthenticationIsSlowedPerAddressWhileLiveKeysAreServed() {
		String live = newKey(newWorkspace());
		String guess = "woesk_" + "A".repeat(43);

		List<Reply> failures = List.of(get(guess), get(guess), get(guess));
		Reply slowed = get(guess);
		Reply withoutKey = get(null);
		Reply liveKey = get(live);

		assertThat(failures).extracting(Reply::status).containsOnly(401);
		assertThat(failures).extracting((reply) -> reply.header("RateLimit-Limit")).containsOnly("3");
		assertThat(failures.get(2).header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(slowed.status()).isEqualTo(429);
		assertThat(slowed.json().path("code").asString()).isEqualTo("rate_limited");
		assertThat(Integer.parseInt(slowed.header("Retry-After"))).isBetween(1, 10);
		assertThat(withoutKey.status()).isEqualTo(429);
		assertThat(liveKey.status()).isEqualTo(200);
	}

	@Test
	void aClientSendingItsHeadersTooSlowlyIsCutOffWhileOthersAreServed() {
		String key = newKey(newWorkspace());
		try (RawHttp slow = RawHttp.connect(port, Duration.ofSeconds(20))) {
			Instant started = Instant.now();
			Thread sender = Thread.ofVirtual().start(() -> {
				slow.send("GET " + CONVERSATIONS + " HTTP/1.1\r\n");
				for (char c : "Host: localhost\r\nAuthorization: Bearer x\r\n\r\n".toCharArray()) {
					pause(Duration.ofMillis(1500));
					if (!slow.send(String.valueOf(c))) {
						return;
					}
				}
			});
			Reply meanwhile = get(key);
			String answer = slow.receiveUntilClosed();
			Duration took = Duration.between(started, Instant.now());
			sender.interrupt();

			assertThat(meanwhile.status()).isEqualTo(200);
			assertThat(answer).doesNotContain("<still open>").doesNotContain("200");
			assertThat(took).isLessThan(Duration.ofSeconds(8));
		}
	}

	@Test
	void aClientSendingItsBodyByteByByteIsCutOffWithA408WhileOthersAreServed() {
		String key = newKey(newWorkspace());
		for (boolean keyed : List.of(false, true)) {
			try (RawHttp slow = RawHttp.connect(port, Duration.ofSeconds(20))) {
				Instant started = Instant.now();
				String body = "{\"subject\": \"" + "x".repeat(1000) + "\", \"customer\": {\"id\": \"c\"}}";
				Thread sender = Thread.ofVirtual().start(() -> {
					slow.send("POST " + CONVERSATIONS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
							+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
							+ (keyed ? "Idempotency-Key: " + UUID.randomUUID() + "\r\n" : "") + "\r\n");
					for (char c : body.toCharArray()) {
						pause(Duration.ofMillis(200));
						if (!slow.send(String.valueOf(c))) {
							return;
						}
					}
				});
				pause(Duration.ofMillis(500));
				Reply meanwhile = get(newKey(newWorkspace()));
				String answer = slow.receiveUntilClosed();
				Duration took = Duration.between(started, Instant.now());
				sender.interrupt();

				assertThat(meanwhile.status()).isEqualTo(200);
				assertThat(answer).as("keyed: " + keyed).startsWith("HTTP/1.1 408");
				assertThat(answer).contains("\"code\":\"request_timeout\"").doesNotContain("<still open>");
				assertThat(took).isLessThan(Duration.ofSeconds(6));
			}
		}
	}

	private static Reply get(String key) {
		return ApiTest.exchange(port, key, "GET", CONVERSATIONS, null, Map.of());
	}

	private static Workspace newWorkspace() {
		Workspace workspace = Workspace.create("Limits " + UUID.randomUUID().toString().substring(0, 12),
				Instant.now());
		server.bean(Workspaces.class).add(workspace);
		return workspace;
	}

	private static String newKey(Workspace workspace) {
		return server.bean(KeyManagement.class).issue(workspace.slug(), "test", List.of(), null).secret().value();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

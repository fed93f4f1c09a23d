package dev.woes.webhook;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.woes.auth.KeyManagement;
import dev.woes.support.ApiTest.Reply;
import dev.woes.support.DataDirectories;
import dev.woes.support.WoesServer;
import dev.woes.webhook.Receiver.Request;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.Workspaces;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher stops queueing deliveries for a workspace that has
 * {@code woes.webhooks.max-pending} of them pending: its events wait in the event log,
 * and are delivered, each once, when the receiver catches up.
 */
class WebhookBackpressureIT {

	private static final int MAX_PENDING = 10;

	private static final int EVENTS = 25;

	private static final Duration WITHIN = Duration.ofSeconds(60);

	@Test
	void aReceiverThatIsDownLeavesAtMostTheBoundPendingAndGetsEveryEventOnceWhenItIsBack() throws IOException {
		try (WoesServer server = WoesServer.start(DataDirectories.newDataDirectory("webhooks-backpressure"),
				"woes.webhooks.allow-private=true", "woes.webhooks.max-pending=" + MAX_PENDING,
				"woes.webhooks.retry-base-delay=200ms", "woes.webhooks.retry-max-delay=1s",
				"woes.webhooks.retry-for=60s", "woes.webhooks.timeout=2s", "woes.webhooks.lease=5s",
				"woes.webhooks.poll-interval=100ms")) {
			Workspace workspace = Workspace.create("Backpressure " + UUID.randomUUID().toString().substring(0, 8),
					Instant.now());
			server.bean(Workspaces.class).add(workspace);
			String key = server.bean(KeyManagement.class)
				.issue(workspace.slug(), "test", List.of(), null)
				.secret()
				.value();
			Receiver down = Receiver.start();
			int port = down.port();
			String url = down.url("/slow");
			down.close();
			String webhookId = server.post(key, "/api/v1/webhooks", "{\"name\": \"Hook\", \"url\": \"" + url + "\"}")
				.json()
				.at("/webhook/id")
				.asString();

			List<String> eventIds = new ArrayList<>();
			for (int i = 0; i < EVENTS; i++) {
				Reply test = server.post(key, "/api/v1/webhooks/" + webhookId + "/test", null);
				assertThat(test.status()).as(test.body()).isEqualTo(202);
				eventIds.add(test.json().at("/webhookTest/eventId").asString());
			}
			String deliveries = "/api/v1/webhooks/" + webhookId + "/deliveries?limit=100";
			Reply full = server.getUntil(key, deliveries,
					(reply) -> reply.json().path("deliveries").size() >= MAX_PENDING && reply.json()
						.path("deliveries")
						.valueStream()
						.allMatch((d) -> d.path("attempts").asInt() >= 1),
					WITHIN);
			assertThat(full.json().path("deliveries")).hasSize(MAX_PENDING);
			// Many dispatcher polls later, with the receiver still down: nothing more was
			// queued, every delivery is still pending.
			Receiver.sleep(1500);
			List<JsonNode> held = server.get(key, deliveries).json().path("deliveries").valueStream().toList();
			assertThat(held).hasSize(MAX_PENDING);
			assertThat(held).extracting((d) -> d.path("state").asString()).containsOnly("pending");

			try (Receiver back = Receiver.startOn(port)) {
				List<Request> requests = back.awaitRequests((all) -> all.size() >= EVENTS, WITHIN);
				Reply done = server.getUntil(key, deliveries,
						(reply) -> reply.json().path("deliveries").size() == EVENTS && reply.json()
							.path("deliveries")
							.valueStream()
							.allMatch((d) -> d.path("state").asString().equals("succeeded")),
						WITHIN);
				Receiver.sleep(1000);
				requests = back.requests();
				assertThat(requests).extracting((request) -> request.header("Woes-Event-Id"))
					.as("every event once, none skipped, none twice")
					.containsExactlyInAnyOrderElementsOf(eventIds);
				List<JsonNode> delivered = done.json().path("deliveries").valueStream().toList();
				assertThat(delivered).hasSize(EVENTS);
				assertThat(delivered).extracting((d) -> d.path("eventId").asString())
					.containsExactlyInAnyOrderElementsOf(eventIds);
				assertThat(delivered).extracting((d) -> d.path("state").asString()).containsOnly("succeeded");
			}
		}
	}

}

package dev.woes.webhook;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import dev.woes.auth.KeyManagement;
import dev.woes.database.WorkspaceContext;
import dev.woes.support.ConsoleCapture;
import dev.woes.support.ApiTest.Reply;
import dev.woes.support.DataDirectories;
import dev.woes.support.WoesServer;
import dev.woes.webhook.Receiver.Request;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.Workspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Deliveries to a real receiver on this machine, from a server started with
 * {@code woes.webhooks.allow-private=true} (only these tests allow a loopback target) and
 * short retry delays.
 */
class WebhookDeliveryIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] SETTINGS = { "woes.webhooks.allow-private=true",
			"woes.webhooks.retry-base-delay=200ms", "woes.webhooks.retry-max-delay=1s", "woes.webhooks.retry-for=60s",
			"woes.webhooks.timeout=2s", "woes.webhooks.lease=5s", "woes.webhooks.poll-interval=100ms",
			"woes.webhooks.disable-after-failed-deliveries=3" };

	private static final Duration WITHIN = Duration.ofSeconds(30);

	private static WoesServer server;

	private Receiver receiver;

	private String key;

	private String workspaceId;

	@BeforeAll
	static void startServer() {
		server = WoesServer.start(DataDirectories.newDataDirectory("webhooks"), SETTINGS);
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void receiverAndWorkspace() throws IOException {
		this.receiver = Receiver.start();
		Workspace workspace = newWorkspace(server);
		this.workspaceId = workspace.id().value().toString();
		this.key = keyFor(server, workspace);
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void deliversTheChosenEventsSignedAsTheContractSays() {
		Reply created = server.post(this.key, "/api/v1/webhooks",
				"{\"name\": \"CRM\", \"url\": \"" + this.receiver.url("/hooks")
						+ "\", \"events\": [\"conversation.created\", \"conversation.message.created\"]}");
		String secret = created.json().at("/webhook/secret").asString();
		String webhookId = created.json().at("/webhook/id").asString();

		String conversationId = server.post(this.key, "/api/v1/conversations",
				"{\"subject\": \"Export\", \"customer\": {\"id\": \"cus_7\", \"name\": \"Ada\", \"email\": \"ada@example.com\"}}")
			.json()
			.at("/conversation/id")
			.asString();
		server.post(this.key, "/api/v1/conversations/" + conversationId + "/messages", "{\"body\": \"Help\"}");
		send("PATCH", "/api/v1/conversations/" + conversationId, "{\"status\": \"solved\"}");

		List<Request> requests = this.receiver.awaitRequests((all) -> all.size() >= 2, WITHIN);
		assertThat(requests).extracting((request) -> request.header("Woes-Event"))
			.containsExactlyInAnyOrder("conversation.created", "conversation.message.created");
		for (Request request : requests) {
			assertThat(ContractVerifier.verify(request.header("Woes-Signature"), request.body(), secret, Instant.now()))
				.as(request.header("Woes-Signature"))
				.isTrue();
			assertThat(ContractVerifier.verify(request.header("Woes-Signature"), request.body() + " ", secret,
					Instant.now()))
				.isFalse();
			assertThat(ContractVerifier.verify(request.header("Woes-Signature"), request.body(),
					"whsec_" + "0".repeat(64), Instant.now()))
				.isFalse();
			assertThat(ContractVerifier.verify(request.header("Woes-Signature"), request.body(), secret,
					Instant.now().plusSeconds(301)))
				.as("a signature older than 300 s is refused")
				.isFalse();
			assertThat(request.header("Content-Type")).startsWith("application/json");
			assertThat(request.path()).isEqualTo("/hooks");
			JsonNode envelope = JSON.readTree(request.body());
			assertThat(envelope.propertyNames()).containsExactly("id", "type", "createdAt", "workspaceId", "data");
			assertThat(envelope.path("id").asString()).isEqualTo(request.header("Woes-Event-Id"));
			assertThat(envelope.path("type").asString()).isEqualTo(request.header("Woes-Event"));
			assertThat(envelope.path("workspaceId").asString()).isEqualTo(this.workspaceId);
			assertThat(envelope.path("createdAt").asString())
				.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
			assertThat(envelope.at("/data/customerId").asString()).isEqualTo("cus_7");
			assertThat(envelope.at("/data/customerEmail").asString()).isEqualTo("ada@example.com");
			assertThat(UUID.fromString(request.header("Woes-Delivery-Id")).version()).as("a time-ordered id")
				.isEqualTo(7);
		}
		JsonNode message = JSON.readTree(requests.stream()
			.filter((request) -> request.header("Woes-Event").equals("conversation.message.created"))
			.findFirst()
			.orElseThrow()
			.body());
		assertThat(message.at("/data/message/body").asString()).isEqualTo("Help");

		List<JsonNode> deliveries = awaitDeliveries(webhookId, (list) -> list.size() == 2
				&& list.stream().allMatch((d) -> d.path("state").asString().equals("succeeded")));
		for (JsonNode delivery : deliveries) {
			assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
			assertThat(delivery.path("statusCode").asInt()).isEqualTo(200);
			assertThat(delivery.path("responseExcerpt").asString()).contains("received");
			assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
			assertThat(delivery.path("completedAt").isNull()).isFalse();
		}
		Receiver.sleep(500);
		assertThat(this.receiver.requests()).as("conversation.status.updated was not chosen").hasSize(2);
	}

	@Test
	void theBodyIsTheEnvelopeOfTheEventAsTheEventFeedShowsItByteForByte() {
		String secret = createHook(this.receiver.url("/exact")).json().at("/webhook/secret").asString();
		server.post(this.key, "/api/v1/conversations",
				"{\"subject\": \"Grüße \\\"quoted\\\" – ✓\", \"customer\": {\"id\": \"c\", \"name\": \"Zoë\"}}");

		Request request = this.receiver.awaitRequests((all) -> !all.isEmpty(), WITHIN).get(0);
		JsonNode event = server.get(this.key, "/api/v1/events?types=conversation.created").json().at("/events/0");
		String expected = "{\"id\":\"" + event.path("id").asString() + "\",\"type\":\"conversation.created\","
				+ "\"createdAt\":\"" + event.path("createdAt").asString() + "\",\"workspaceId\":\"" + this.workspaceId
				+ "\",\"data\":" + JSON.writeValueAsString(event.path("data")) + "}";
		assertThat(request.body()).isEqualTo(expected);
		assertThat(request.body()).contains("Grüße \\\"quoted\\\" – ✓", "Zoë");
		assertThat(request.header("Woes-Event-Id")).isEqualTo(event.path("id").asString());
		assertThat(ContractVerifier.verify(request.header("Woes-Signature"), expected, secret, Instant.now())).isTrue();
	}

	@Test
	void aDeliveryWhoseEventWasPurgedFailsSayingSoAndIsNotRedelivered() {
		String url = this.receiver.url("/purged");
		this.receiver.close();
		String webhookId = createHook(url).json().at("/webhook/id").asString();
		String eventId = server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null)
			.json()
			.at("/webhookTest/eventId")
			.asString();
		awaitDeliveries(webhookId, (list) -> list.size() == 1 && list.get(0).path("attempts").asInt() >= 1);

		// What the retention purge does once an event is older than
		// WOES_EVENTS_RETENTION.
		int purged = WorkspaceContext.call(UUID.fromString(this.workspaceId),
				() -> server.bean(JdbcClient.class)
					.sql("DELETE FROM events WHERE workspace_id = :workspace AND event_id = :id")
					.param("workspace", UUID.fromString(this.workspaceId))
					.param("id", UUID.fromString(eventId))
					.update());
		assertThat(purged).isEqualTo(1);

		JsonNode failed = awaitDeliveries(webhookId,
				(list) -> list.size() == 1 && list.get(0).path("state").asString().equals("failed"))
			.get(0);
		assertThat(failed.path("error").asString()).contains("no longer kept").contains("WOES_EVENTS_RETENTION");
		assertThat(failed.path("statusCode").isNull()).isTrue();
		assertThat(failed.path("completedAt").isNull()).isFalse();

		Reply again = server.post(this.key,
				"/api/v1/webhooks/" + webhookId + "/deliveries/" + failed.path("id").asString() + "/redeliver", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("code").asString()).isEqualTo("conflict");
		assertThat(again.json().path("error").asString()).contains("no longer kept");
		JsonNode webhook = server.get(this.key, "/api/v1/webhooks/" + webhookId).json().path("webhook");
		assertThat(webhook.path("enabled").asBoolean()).as("the receiver did nothing wrong").isTrue();
		assertThat(server.get(this.key, "/api/v1/webhooks/" + webhookId + "/deliveries").json().path("deliveries"))
			.as("nothing new was queued")
			.hasSize(1);
	}

	@Test
	void anEventRetentionShorterThanTheRetryPeriodStopsTheStartNamingBothSettings() {
		try (ConsoleCapture console = ConsoleCapture.start()) {
			Throwable failure = catchThrowable(() -> WoesServer
				.start(DataDirectories.newDataDirectory("webhooks-retention"), "woes.events.retention=36h",
						"woes.webhooks.retry-for=2d")
				.close());

			assertThat(failure).hasRootCauseInstanceOf(RetentionShorterThanRetries.class)
				.rootCause()
				.hasMessage("WOES_EVENTS_RETENTION (36h) is shorter than WOES_WEBHOOKS_RETRY_FOR (2d): a webhook "
						+ "delivery still being retried would lose its event, which its body is built from.");
			assertThat(console.output()).contains("APPLICATION FAILED TO START")
				.contains("WOES_EVENTS_RETENTION (36h) is shorter than WOES_WEBHOOKS_RETRY_FOR (2d)")
				.contains("Set WOES_EVENTS_RETENTION to at least WOES_WEBHOOKS_RETRY_FOR");
		}
	}

	@Test
	void duringARotationBothTheNewAndThePreviousSecretSign() {
		Reply created = createHook(this.receiver.url("/rotating"));
		String webhookId = created.json().at("/webhook/id").asString();
		String previous = created.json().at("/webhook/secret").asString();
		String current = server.post(this.key, "/api/v1/webhooks/" + webhookId + "/rotate-secret", null)
			.json()
			.at("/webhook/secret")
			.asString();

		assertThat(server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null).status()).isEqualTo(202);

		Request request = this.receiver.awaitRequests((all) -> !all.isEmpty(), WITHIN).get(0);
		assertThat(request.header("Woes-Event")).isEqualTo("webhook.test");
		assertThat(request.header("Woes-Signature")).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
		assertThat(ContractVerifier.verify(request.header("Woes-Signature"), request.body(), current, Instant.now()))
			.isTrue();
		assertThat(ContractVerifier.verify(request.header("Woes-Signature"), request.body(), previous, Instant.now()))
			.isTrue();
		assertThat(JSON.readTree(request.body()).at("/data/webhookId").asString()).isEqualTo(webhookId);
	}

	@Test
	void retriesA500AndATimeoutUntilTheReceiverRecoversAndRecordsEveryAttempt() {
		this.receiver.answer(500, Receiver.HANG, 503);
		String webhookId = createHook(this.receiver.url("/flaky")).json().at("/webhook/id").asString();
		server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null);

		List<Request> requests = this.receiver.awaitRequests((all) -> all.size() >= 4, WITHIN);
		assertThat(requests).hasSize(4);
		assertThat(requests).extracting((request) -> request.header("Woes-Event-Id"))
			.containsOnly(requests.get(0).header("Woes-Event-Id"));
		assertThat(requests).extracting((request) -> request.header("Woes-Delivery-Id"))
			.containsOnly(requests.get(0).header("Woes-Delivery-Id"));
		JsonNode delivery = awaitDeliveries(webhookId,
				(list) -> list.size() == 1 && list.get(0).path("state").asString().equals("succeeded"))
			.get(0);
		assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
		assertThat(delivery.path("statusCode").asInt()).isEqualTo(200);
		assertThat(delivery.path("error").isNull()).isTrue();
	}

	@Test
	void retriesARefusedConnectionUntilTheReceiverIsBack() throws IOException {
		int port = this.receiver.port();
		String url = this.receiver.url("/down");
		this.receiver.close();
		String webhookId = createHook(url).json().at("/webhook/id").asString();
		server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null);

		JsonNode failed = awaitDeliveries(webhookId, (list) -> list.size() == 1
				&& list.get(0).path("attempts").asInt() >= 1 && !list.get(0).path("error").isNull())
			.get(0);
		assertThat(failed.path("state").asString()).isEqualTo("pending");
		assertThat(failed.path("error").asString()).startsWith("Could not connect");
		assertThat(failed.path("nextAttemptAt").isNull()).isFalse();

		this.receiver = Receiver.startOn(port);
		assertThat(this.receiver.awaitRequests((all) -> !all.isEmpty(), WITHIN)).hasSize(1);
		JsonNode delivered = awaitDeliveries(webhookId,
				(list) -> list.get(0).path("state").asString().equals("succeeded"))
			.get(0);
		assertThat(delivered.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aClientErrorEndsTheDeliveryAndRedeliverySendsTheSameEventAgain() {
		this.receiver.answer(400);
		String webhookId = createHook(this.receiver.url("/strict")).json().at("/webhook/id").asString();
		server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null);

		JsonNode failed = awaitDeliveries(webhookId,
				(list) -> list.size() == 1 && list.get(0).path("state").asString().equals("failed"))
			.get(0);
		assertThat(failed.path("attempts").asInt()).isEqualTo(1);
		assertThat(failed.path("statusCode").asInt()).isEqualTo(400);
		assertThat(failed.path("error").asString()).contains("not retried");

		Reply again = server.post(this.key,
				"/api/v1/webhooks/" + webhookId + "/deliveries/" + failed.path("id").asString() + "/redeliver", null);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.json().at("/delivery/state").asString()).isEqualTo("pending");
		assertThat(again.json().at("/delivery/eventId").asString()).isEqualTo(failed.path("eventId").asString());

		List<Request> requests = this.receiver.awaitRequests((all) -> all.size() >= 2, WITHIN);
		assertThat(requests.get(1).header("Woes-Event-Id")).isEqualTo(requests.get(0).header("Woes-Event-Id"));
		assertThat(requests.get(1).header("Woes-Delivery-Id")).isEqualTo(again.json().at("/delivery/id").asString())
			.isNotEqualTo(requests.get(0).header("Woes-Delivery-Id"));
		assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
		List<JsonNode> history = awaitDeliveries(webhookId,
				(list) -> list.size() == 2 && list.get(0).path("state").asString().equals("succeeded"));
		assertThat(history.get(1).path("state").asString()).isEqualTo("failed");
	}

	@Test
	void anEndpointWhoseDeliveriesKeepFailingIsDisabledAndSaysWhy() {
		this.receiver.answer(404, 404, 404);
		String webhookId = createHook(this.receiver.url("/gone")).json().at("/webhook/id").asString();
		for (int i = 1; i <= 3; i++) {
			assertThat(server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null).status()).isEqualTo(202);
			int expected = i;
			awaitDeliveries(webhookId,
					(list) -> list.size() == expected && list.get(0).path("state").asString().equals("failed"));
		}

		JsonNode webhook = server.get(this.key, "/api/v1/webhooks/" + webhookId).json().path("webhook");
		assertThat(webhook.path("enabled").asBoolean()).isFalse();
		assertThat(webhook.path("disabledReason").asString()).contains("3 failed deliveries");
		assertThat(server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null).status()).isEqualTo(409);

		JsonNode enabled = send("PATCH", "/api/v1/webhooks/" + webhookId, "{\"enabled\": true}").json().path("webhook");
		assertThat(enabled.path("enabled").asBoolean()).isTrue();
		assertThat(enabled.path("disabledReason").isNull()).isTrue();
		server.post(this.key, "/api/v1/webhooks/" + webhookId + "/test", null);
		assertThat(this.receiver.awaitRequests((all) -> all.size() >= 4, WITHIN)).hasSize(4);
	}

	@Test
	void aHangingReceiverNeverSlowsTheRequestThatCausedTheEvent() {
		Integer[] hangs = new Integer[20];
		Arrays.fill(hangs, Receiver.HANG);
		this.receiver.answer(hangs);
		createHook(this.receiver.url("/stuck"));
		String conversationId = server
			.post(this.key, "/api/v1/conversations", "{\"subject\": \"Slow\", \"customer\": {\"id\": \"c\"}}")
			.json()
			.at("/conversation/id")
			.asString();
		this.receiver.awaitRequests((all) -> !all.isEmpty(), WITHIN);

		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			long started = System.nanoTime();
			Reply reply = server.post(this.key, "/api/v1/conversations/" + conversationId + "/messages",
					"{\"body\": \"still there?\"}");
			millis.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
			assertThat(reply.status()).isEqualTo(201);
		}
		assertThat(millis).allMatch((took) -> took < 1000, "every POST answers within a second");
	}

	/**
	 * The first server is closed while a delivery waits for its answer, which interrupts
	 * the delivery as a death would; {@code dev.woes.crash.CrashIT} does the same with
	 * {@code kill -9} of a server process under load.
	 */
	@Test
	void aServerKilledMidDeliveryLosesNothingAndAnotherServerOnTheSameDatabaseDeliversIt() throws IOException {
		Path dataDirectory = DataDirectories.newDataDirectory("webhooks-kill");
		this.receiver.answer(Receiver.HANG);
		String key;
		String webhookId;
		String lateConversation;
		try (WoesServer first = WoesServer.start(dataDirectory, SETTINGS)) {
			Workspace workspace = newWorkspace(first);
			key = keyFor(first, workspace);
			webhookId = first
				.post(key, "/api/v1/webhooks", "{\"name\": \"Hook\", \"url\": \"" + this.receiver.url("/kill") + "\"}")
				.json()
				.at("/webhook/id")
				.asString();
			first.post(key, "/api/v1/conversations", "{\"subject\": \"Before\", \"customer\": {\"id\": \"c\"}}");
			this.receiver.awaitRequests((all) -> !all.isEmpty(), WITHIN);
			// Stopped while the first delivery waits for its answer, and right after
			// another event committed.
			lateConversation = first
				.post(key, "/api/v1/conversations", "{\"subject\": \"Late\", \"customer\": {\"id\": \"c\"}}")
				.json()
				.at("/conversation/id")
				.asString();
		}
		this.receiver.release();

		try (WoesServer second = WoesServer.start(dataDirectory, SETTINGS)) {
			List<Request> requests = this.receiver.awaitRequests(
					(all) -> all.stream().filter((request) -> request.body().contains(lateConversation)).count() >= 1
							&& all.size() >= 3,
					WITHIN);
			assertThat(requests.stream().skip(1).map((request) -> request.header("Woes-Delivery-Id")))
				.as("the interrupted delivery is sent again by the second server")
				.contains(requests.get(0).header("Woes-Delivery-Id"));
			Reply history = second.getUntil(key, "/api/v1/webhooks/" + webhookId + "/deliveries",
					(reply) -> reply.json().path("deliveries").size() == 2 && reply.json()
						.path("deliveries")
						.valueStream()
						.allMatch((d) -> d.path("state").asString().equals("succeeded")),
					WITHIN);
			List<JsonNode> deliveries = history.json().path("deliveries").valueStream().toList();
			assertThat(deliveries).extracting((d) -> d.path("state").asString()).containsOnly("succeeded");
			assertThat(deliveries.get(1).path("attempts").asInt()).as("the interrupted one").isEqualTo(2);
			assertThat(deliveries.get(0).path("attempts").asInt()).as("the late one").isEqualTo(1);
		}
	}

	private Reply createHook(String url) {
		Reply reply = server.post(this.key, "/api/v1/webhooks", "{\"name\": \"Hook\", \"url\": \"" + url + "\"}");
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply;
	}

	private List<JsonNode> awaitDeliveries(String webhookId, Predicate<List<JsonNode>> condition) {
		Reply reply = server.getUntil(this.key, "/api/v1/webhooks/" + webhookId + "/deliveries",
				(r) -> condition.test(r.json().path("deliveries").valueStream().toList()), WITHIN);
		List<JsonNode> deliveries = reply.json().path("deliveries").valueStream().toList();
		assertThat(condition.test(deliveries)).as(reply.body()).isTrue();
		return deliveries;
	}

	private Reply send(String method, String path, String body) {
		return dev.woes.support.ApiTest.exchange(
				server.context().getEnvironment().getRequiredProperty("local.server.port", Integer.class), this.key,
				method, path, body, java.util.Map.of());
	}

	private static Workspace newWorkspace(WoesServer on) {
		Workspace workspace = Workspace.create("Hooks " + UUID.randomUUID().toString().substring(0, 12), Instant.now());
		on.bean(Workspaces.class).add(workspace);
		return workspace;
	}

	private static String keyFor(WoesServer on, Workspace workspace) {
		return on.bean(KeyManagement.class).issue(workspace.slug(), "test", List.of(), null).secret().value();
	}

}

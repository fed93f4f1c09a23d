package dev.woes.webhook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managing webhooks over HTTP, and where they may point, on a server with the default
 * settings (public https targets only).
 */
class WebhooksIT extends ApiTest {

	/**
	 * URLs that must be refused when an endpoint is created or changed: each names a
	 * loopback, private, link-local, shared, multicast, reserved or documentation address
	 * in one of its many spellings, or breaks the URL rules.
	 */
	static final List<String> REFUSED = List.of("http://hooks.example.com/plain-http", "ftp://hooks.example.com/",
			"hooks.example.com/no-scheme", "https:///no-host", "https://user:pass@hooks.example.com/",
			"https://token@hooks.example.com/", "https://hooks.example.com/#fragment", "https://127.0.0.1/",
			"https://127.0.0.2:8443/hook", "https://localhost/", "https://LOCALHOST./", "https://api.localhost/",
			"http://2130706433/", "https://2130706433/", "https://017700000001/", "https://0177.0.0.1/",
			"https://0x7f.1/", "https://0x7f000001/", "https://127.1/", "https://127.0.1/", "https://127.000.000.001/",
			"https://10.0.0.1/", "https://172.16.5.4/", "https://172.31.255.255/", "https://192.168.1.1/",
			"https://169.254.169.254/latest/meta-data/", "https://100.64.0.1/", "https://0.0.0.0/",
			"https://255.255.255.255/", "https://224.0.0.1/", "https://240.0.0.1/", "https://192.0.2.10/",
			"https://198.18.0.1/", "https://[::1]/", "https://[::]/", "https://[0:0:0:0:0:0:0:1]/",
			"https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[0:0:0:0:0:ffff:127.0.0.1]/",
			"https://[::ffff:169.254.169.254]/", "https://[::ffff:10.0.0.1]/", "https://[::127.0.0.1]/",
			"https://[::8.8.8.8]/", "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fe80::1]/",
			"https://[fe80::1%25eth0]/", "https://[fec0::1]/", "https://[ff02::1]/", "https://[64:ff9b::a00:1]/",
			"https://[64:ff9b::7f00:1]/", "https://[2002:c0a8:101::1]/", "https://[2002:7f00:1::]/",
			"https://[2001:db8::1]/", "https://[2001:0:4136:e378::1]/", "https://[100::1]/");

	static final List<String> ACCEPTED = List.of("https://hooks.example.com/woes", "https://93.184.216.34/hook",
			"https://8.8.8.8:8443/a?b=c", "https://[2606:4700:4700::1111]/hook", "https://[::ffff:8.8.8.8]/",
			"https://[64:ff9b::808:808]/", "https://[2002:808:808::1]/");

	@Autowired
	private JdbcClient jdbc;

	@Test
	void createsAnEndpointAndShowsItsSecretOnlyInTheAnswer() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/webhooks", """
				{"name": "CRM sync", "url": "https://hooks.example.com/woes",
				 "events": ["conversation.created", "conversation.message.created"]}""");

		assertThat(created.status()).isEqualTo(201);
		JsonNode webhook = created.json().path("webhook");
		assertThat(created.fieldNames("/webhook")).containsExactlyInAnyOrder("object", "id", "name", "url", "events",
				"enabled", "disabledReason", "secret", "createdAt", "updatedAt");
		assertThat(webhook.path("object").asString()).isEqualTo("webhook");
		assertThat(webhook.path("secret").asString()).matches("whsec_[0-9a-f]{64}");
		assertThat(webhook.path("enabled").asBoolean()).isTrue();
		assertThat(webhook.path("disabledReason").isNull()).isTrue();
		assertThat(webhook.path("events").valueStream().map(JsonNode::asString).toList())
			.containsExactly("conversation.created", "conversation.message.created");
		assertThat(webhook.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

		String id = webhook.path("id").asString();
		Reply read = get(tenant.key(), "/api/v1/webhooks/" + id);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().at("/webhook/secret").isNull()).isTrue();
		assertThat(read.json().at("/webhook/url").asString()).isEqualTo("https://hooks.example.com/woes");
		assertThat(get(tenant.key(), "/api/v1/webhooks").json().at("/webhooks/0/secret").isNull()).isTrue();
	}

	@Test
	void anEndpointWithoutEventsReceivesEveryTypeAndPatchChangesOnlyWhatItCarries() {
		Tenant tenant = newTenant();
		String id = create(tenant, "https://hooks.example.com/all");
		assertThat(get(tenant.key(), "/api/v1/webhooks/" + id).json().at("/webhook/events")).isEmpty();

		Reply changed = patch(tenant.key(), "/api/v1/webhooks/" + id,
				"{\"events\": [\"conversation.status.updated\"], \"enabled\": false}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().at("/webhook/enabled").asBoolean()).isFalse();
		assertThat(changed.json().at("/webhook/name").asString()).isEqualTo("Hook");
		assertThat(changed.json().at("/webhook/events/0").asString()).isEqualTo("conversation.status.updated");
		assertThat(changed.json().at("/webhook/secret").isNull()).isTrue();

		Reply test = post(tenant.key(), "/api/v1/webhooks/" + id + "/test", null);
		assertThat(test.status()).isEqualTo(409);
		assertThat(test.json().path("code").asString()).isEqualTo("conflict");
	}

	@Test
	void refusesBadBodiesWithASentenceNamingTheField() {
		Tenant tenant = newTenant();
		assertInvalid(post(tenant.key(), "/api/v1/webhooks", "{\"name\": \"x\"}"), "url");
		assertInvalid(post(tenant.key(), "/api/v1/webhooks", "{\"url\": \"https://hooks.example.com/\"}"), "name");
		assertInvalid(
				post(tenant.key(), "/api/v1/webhooks", "{\"name\": \" \", \"url\": \"https://hooks.example.com/\"}"),
				"name");
		assertInvalid(post(tenant.key(), "/api/v1/webhooks",
				"{\"name\": \"x\", \"url\": \"https://hooks.example.com/\", \"events\": [\"conversation.exploded\"]}"),
				"events");
		assertInvalid(post(tenant.key(), "/api/v1/webhooks",
				"{\"name\": \"x\", \"url\": \"https://hooks.example.com/\", \"secret\": \"mine\"}"), "secret");
		assertInvalid(post(tenant.key(), "/api/v1/webhooks",
				"{\"name\": \"x\", \"url\": \"https://hooks.example.com/\", \"enabled\": \"yes\"}"), "enabled");

		String id = create(tenant, "https://hooks.example.com/");
		assertInvalid(patch(tenant.key(), "/api/v1/webhooks/" + id, "{}"), "PATCH");
		assertInvalid(patch(tenant.key(), "/api/v1/webhooks/" + id, "{\"url\": null}"), "url");
		assertInvalid(patch(tenant.key(), "/api/v1/webhooks/" + id, "{\"url\": \"https://10.1.2.3/\"}"), "url");
		assertInvalid(get(tenant.key(), "/api/v1/webhooks?limit=0"), "limit");
		assertThat(get(tenant.key(), "/api/v1/webhooks/" + id).json().at("/webhook/url").asString())
			.isEqualTo("https://hooks.example.com/");
		assertThat(get(tenant.key(), "/api/v1/webhooks/not-a-uuid").status()).isEqualTo(404);
	}

	@Test
	void needsTheWebhookScopes() {
		Tenant tenant = newTenant("webhooks:read");
		String conversationsOnly = keyFor(tenant.workspace(), "conversations:read", "conversations:write");

		assertThat(get(tenant.key(), "/api/v1/webhooks").status()).isEqualTo(200);
		Reply refused = post(tenant.key(), "/api/v1/webhooks",
				"{\"name\": \"x\", \"url\": \"https://hooks.example.com/\"}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("code").asString()).isEqualTo("insufficient_scope");
		assertThat(get(conversationsOnly, "/api/v1/webhooks").status()).isEqualTo(403);
		assertThat(get(tenant.key(), "/api/v1/webhooks").json().path("webhooks")).isEmpty();
	}

	@Test
	void rotatingShowsTheNewSecretOnceAndDeletingRemovesTheEndpoint() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/webhooks",
				"{\"name\": \"x\", \"url\": \"https://hooks.example.com/\"}");
		String id = created.json().at("/webhook/id").asString();
		String first = created.json().at("/webhook/secret").asString();

		Reply rotated = post(tenant.key(), "/api/v1/webhooks/" + id + "/rotate-secret", null);
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(rotated.json().at("/webhook/secret").asString()).matches("whsec_[0-9a-f]{64}").isNotEqualTo(first);
		assertThat(get(tenant.key(), "/api/v1/webhooks/" + id).json().at("/webhook/secret").isNull()).isTrue();

		assertThat(send(tenant.key(), "DELETE", "/api/v1/webhooks/" + id, null).status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/webhooks/" + id).status()).isEqualTo(404);
		assertThat(get(tenant.key(), "/api/v1/webhooks/" + id + "/deliveries").status()).isEqualTo(404);
		assertThat(send(tenant.key(), "DELETE", "/api/v1/webhooks/" + id, null).status()).isEqualTo(404);
	}

	@Test
	void pagesThroughEndpointsWithALinkHeader() {
		Tenant tenant = newTenant();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(create(tenant, "https://hooks.example.com/" + i));
		}
		Reply first = get(tenant.key(), "/api/v1/webhooks?limit=2");
		assertThat(first.json().path("hasMore").asBoolean()).isTrue();
		assertThat(first.json().path("webhooks").valueStream().map((w) -> w.path("id").asString()).toList())
			.containsExactly(ids.get(0), ids.get(1));
		assertThat(first.header("Link")).contains("startingAfter=" + ids.get(1));
		Reply second = get(tenant.key(), "/api/v1/webhooks?limit=2&startingAfter=" + ids.get(1));
		assertThat(second.json().path("hasMore").asBoolean()).isFalse();
		assertThat(second.json().at("/webhooks/0/id").asString()).isEqualTo(ids.get(2));
	}

	@Test
	void refusesEveryPrivateLoopbackOrMalformedTargetAtCreationAndChange() throws IOException {
		Tenant tenant = newTenant();
		String id = create(tenant, "https://hooks.example.com/start");
		List<String> refused = new ArrayList<>(REFUSED);
		refused.addAll(loopbackNamesOfThisMachine().stream().map((name) -> "https://" + name + "/hook").toList());
		assertThat(refused).hasSizeGreaterThanOrEqualTo(30);

		for (String url : refused) {
			Reply created = post(tenant.key(), "/api/v1/webhooks",
					"{\"name\": \"x\", \"url\": " + JSON.writeValueAsString(url) + "}");
			assertThat(created.status()).as(url).isEqualTo(400);
			assertThat(created.json().path("code").asString()).as(url).isEqualTo("invalid_request");
			assertThat(created.json().path("error").asString()).as(url).startsWith("url ");
			Reply changed = patch(tenant.key(), "/api/v1/webhooks/" + id,
					"{\"url\": " + JSON.writeValueAsString(url) + "}");
			assertThat(changed.status()).as(url).isEqualTo(400);
		}
		assertThat(get(tenant.key(), "/api/v1/webhooks").json().path("webhooks")).hasSize(1);
		assertThat(get(tenant.key(), "/api/v1/webhooks/" + id).json().at("/webhook/url").asString())
			.isEqualTo("https://hooks.example.com/start");
		for (String url : ACCEPTED) {
			assertThat(patch(tenant.key(), "/api/v1/webhooks/" + id, "{\"url\": " + JSON.writeValueAsString(url) + "}")
				.status()).as(url).isEqualTo(200);
		}
	}

	@Test
	void checksTheAddressAgainBeforeEveryAttemptAndNeverConnectsToARefusedOne() throws IOException {
		Tenant tenant = newTenant();
		try (Receiver receiver = Receiver.start()) {
			for (String target : List.of("https://127.0.0.1:" + receiver.port() + "/rebound",
					"https://localhost:" + receiver.port() + "/rebound")) {
				String id = create(tenant, "https://hooks.example.com/looks-public");
				// What a DNS answer that changed after the check would do: the stored URL
				// now leads to this machine.
				this.jdbc.sql("UPDATE webhooks SET url = :url WHERE workspace_id = :workspace AND webhook_id = :id")
					.param("url", target)
					.param("workspace", tenant.workspace().id().value())
					.param("id", UUID.fromString(id))
					.update();
				assertThat(post(tenant.key(), "/api/v1/webhooks/" + id + "/test", null).status()).isEqualTo(202);

				JsonNode delivery = awaitDelivery(tenant, id,
						(d) -> d.path("attempts").asInt() >= 1 && !d.path("error").isNull());
				assertThat(delivery.path("state").asString()).as(target).isEqualTo("pending");
				assertThat(delivery.path("error").asString()).as(target)
					.startsWith("Refused before connecting")
					.containsAnyOf("127.0.0.1", "localhost");
				assertThat(delivery.path("statusCode").isNull()).isTrue();
				assertThat(delivery.path("nextAttemptAt").isNull()).isFalse();
			}
			assertThat(receiver.requests()).isEmpty();
		}
	}

	private JsonNode awaitDelivery(Tenant tenant, String webhookId, java.util.function.Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			JsonNode first = get(tenant.key(), "/api/v1/webhooks/" + webhookId + "/deliveries").json()
				.at("/deliveries/0");
			if ((!first.isMissingNode() && condition.test(first)) || System.nanoTime() > deadline) {
				return first;
			}
			Receiver.sleep(100);
		}
	}

	/**
	 * Names this machine's hosts file maps to loopback addresses: they resolve without
	 * any network, and must be refused like the addresses themselves.
	 */
	static List<String> loopbackNamesOfThisMachine() throws IOException {
		Path hosts = Path.of("/etc/hosts");
		List<String> names = new ArrayList<>(List.of("localhost"));
		if (Files.isReadable(hosts)) {
			for (String line : Files.readAllLines(hosts)) {
				String[] fields = line.replaceAll("#.*", "").trim().split("\\s+");
				if (fields.length > 1 && (fields[0].startsWith("127.") || fields[0].equals("::1"))) {
					for (int i = 1; i < fields.length; i++) {
						if (!names.contains(fields[i]) && fields[i].matches("[A-Za-z0-9.-]+")) {
							names.add(fields[i]);
						}
					}
				}
			}
		}
		return names;
	}

	private String create(Tenant tenant, String url) {
		Reply reply = post(tenant.key(), "/api/v1/webhooks",
				"{\"name\": \"Hook\", \"url\": " + JSON.writeValueAsString(url) + "}");
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		return reply.json().at("/webhook/id").asString();
	}

	private static void assertInvalid(Reply reply, String field) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("invalid_request");
		assertThat(reply.json().path("error").asString()).as(reply.body()).contains(field);
	}

}

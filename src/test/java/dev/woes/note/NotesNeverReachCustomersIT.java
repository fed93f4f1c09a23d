package dev.woes.note;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.woes.operator.Operator;
import dev.woes.operator.Operators;
import dev.woes.shared.Uuids;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Private notes never reach a customer. Conversations are filled at random with messages
 * and with notes carrying unique marker strings (some edited, some deleted), and every
 * customer-visible output is scanned for the markers.
 * <p>
 * What counts as customer-facing: every {@code GET} route under
 * {@code /api/v1/conversations} (the contract's conversation and message objects and
 * whatever a new route serves there), except the routes listed in {@link #OPERATOR_ONLY}.
 * The routes are read from the server's own mappings, so a route added later is scanned
 * without touching this test; a route that is operator-only has to be listed here on
 * purpose. The conversations list is read with every filter, every list is followed page
 * by page through its {@code Link} header, and the conversation objects must be exactly
 * what they were before any note was written ({@code preview}, {@code lastMessageAt} and
 * {@code updatedAt} do not move for notes). Note events are operator-side data and are
 * not scanned.
 */
class NotesNeverReachCustomersIT extends ApiTest {

	/**
	 * The routes under {@code /api/v1/conversations} that only operators use.
	 */
	static final Set<String> OPERATOR_ONLY = Set.of("/api/v1/conversations/{conversationId}/notes",
			"/api/v1/conversations/{conversationId}/notes/{noteId}", "/api/v1/conversations/{conversationId}/timeline");

	private static final List<String> STATUSES = List.of("open", "waiting", "solved");

	private static final List<String> CHANNELS = List.of("api", "live-chat", "email", "discord");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping routes;

	@Autowired
	private Operators operators;

	@Test
	void noCustomerFacingRouteEverShowsANote() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Tenant tenant = newTenant();
		UUID operatorId = Uuids.v7();
		this.operators.add(tenant.workspace().id(),
				new Operator(operatorId, "Ada", "ada@example.com", "member", "active", Instant.now(), null));

		Set<String> customers = new TreeSet<>();
		Map<String, List<String>> messagesByConversation = new LinkedHashMap<>();
		Set<String> messageMarkers = new TreeSet<>();
		int conversationCount = 3 + random.nextInt(4);
		for (int i = 0; i < conversationCount; i++) {
			String customer = "cus_" + random.nextInt(3);
			customers.add(customer);
			Reply opened = post(tenant.key(), "/api/v1/conversations",
					JSON.writeValueAsString(Map.of("subject", "Subject " + i, "channel",
							CHANNELS.get(random.nextInt(CHANNELS.size())), "customer", Map.of("id", customer))));
			String id = opened.json().at("/conversation/id").asString();
			List<String> messageIds = new ArrayList<>();
			int messageCount = random.nextInt(4);
			for (int m = 0; m < messageCount; m++) {
				String marker = "MESSAGE-" + UUID.randomUUID();
				messageMarkers.add(marker);
				Reply message = post(tenant.key(), "/api/v1/conversations/" + id + "/messages", JSON.writeValueAsString(
						Map.of("body", marker + " text", "role", random.nextBoolean() ? "user" : "assistant")));
				messageIds.add(message.json().at("/message/id").asString());
			}
			patch(tenant.key(), "/api/v1/conversations/" + id,
					"{\"status\": \"" + STATUSES.get(random.nextInt(STATUSES.size())) + "\"}");
			messagesByConversation.put(id, messageIds);
		}
		Map<String, String> before = new LinkedHashMap<>();
		messagesByConversation.keySet()
			.forEach((id) -> before.put(id, get(tenant.key(), "/api/v1/conversations/" + id).body()));
		String listBefore = get(tenant.key(), "/api/v1/conversations?limit=100").body();

		Set<String> noteMarkers = new TreeSet<>();
		Set<String> liveNoteMarkers = new TreeSet<>();
		for (String id : messagesByConversation.keySet()) {
			int noteCount = 1 + random.nextInt(5);
			for (int n = 0; n < noteCount; n++) {
				String marker = "NOTE-" + UUID.randomUUID();
				noteMarkers.add(marker);
				Object author = random.nextBoolean() ? Map.of("type", "operator", "id", operatorId.toString())
						: Map.of("type", "automation", "name", "bot-" + marker);
				Reply note = post(tenant.key(), "/api/v1/conversations/" + id + "/notes", JSON.writeValueAsString(
						Map.of("author", author, "body", marker + " private, cc @ada@example.com " + marker)));
				assertThat(note.status()).as(note.body()).isEqualTo(201);
				String path = "/api/v1/conversations/" + id + "/notes/" + note.json().at("/note/id").asString();
				switch (random.nextInt(3)) {
					case 0 -> {
						String edited = "NOTE-" + UUID.randomUUID();
						noteMarkers.add(edited);
						liveNoteMarkers.add(edited);
						assertThat(patch(tenant.key(), path, "{\"body\": \"" + edited + " edited\"}").status())
							.isEqualTo(200);
					}
					case 1 -> assertThat(send(tenant.key(), "DELETE", path, null).status()).isEqualTo(204);
					default -> liveNoteMarkers.add(marker);
				}
			}
		}

		List<String> seen = new ArrayList<>();
		for (String route : customerFacingRoutes()) {
			for (String url : urls(route, messagesByConversation, customers)) {
				seen.addAll(everyPage(tenant.key(), url));
			}
		}

		String description = "seed " + seed;
		for (String output : seen) {
			for (String marker : noteMarkers) {
				assertThat(output).as(description).doesNotContain(marker);
			}
			assertThat(output).as(description).doesNotContain("@ada@example.com");
		}
		String everything = String.join("\n", seen);
		assertThat(messageMarkers).as("the scan read every thread (%s)", description)
			.allSatisfy((marker) -> assertThat(everything).contains(marker));
		before.forEach((id, body) -> assertThat(get(tenant.key(), "/api/v1/conversations/" + id).body())
			.as("conversation %s (%s)", id, description)
			.isEqualTo(body));
		assertThat(get(tenant.key(), "/api/v1/conversations?limit=100").body()).as(description).isEqualTo(listBefore);

		String operatorSide = String.join("\n",
				messagesByConversation.keySet()
					.stream()
					.map((id) -> get(tenant.key(), "/api/v1/conversations/" + id + "/notes?limit=100").body())
					.toList());
		assertThat(liveNoteMarkers).as("operators still see the notes (%s)", description)
			.allSatisfy((marker) -> assertThat(operatorSide).contains(marker));
	}

	@Test
	void everyRouteUnderConversationsIsEitherScannedOrListedAsOperatorOnly() {
		Set<String> all = new TreeSet<>();
		this.routes.getHandlerMethods().keySet().forEach((mapping) -> all.addAll(mapping.getPatternValues()));
		assertThat(all).containsAll(OPERATOR_ONLY);
		assertThat(customerFacingRoutes())
			.contains("/api/v1/conversations", "/api/v1/conversations/{conversationId}",
					"/api/v1/conversations/{conversationId}/messages")
			.doesNotContainAnyElementsOf(OPERATOR_ONLY);
	}

	/**
	 * Every GET route under /api/v1/conversations that is not operator-only.
	 */
	private Set<String> customerFacingRoutes() {
		Set<String> found = new TreeSet<>();
		this.routes.getHandlerMethods().keySet().forEach((mapping) -> {
			if (mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
				mapping.getPatternValues()
					.stream()
					.filter((pattern) -> pattern.startsWith("/api/v1/conversations"))
					.filter((pattern) -> !OPERATOR_ONLY.contains(pattern))
					.forEach(found::add);
			}
		});
		return found;
	}

	/**
	 * The requests that read a route for every conversation (and message) built, and the
	 * conversations list with each of its filters.
	 */
	private static List<String> urls(String route, Map<String, List<String>> messagesByConversation,
			Set<String> customers) {
		List<String> urls = new ArrayList<>();
		if (route.equals("/api/v1/conversations")) {
			urls.add(route + "?limit=100");
			urls.add(route + "?limit=1");
			STATUSES.forEach((status) -> urls.add(route + "?status=" + status));
			CHANNELS.forEach((channel) -> urls.add(route + "?channel=" + channel));
			customers.forEach((customer) -> urls.add(route + "?customerId=" + customer));
			return urls;
		}
		String rest = route.replace("{conversationId}", "").replace("{messageId}", "");
		if (rest.contains("{")) {
			fail("Cannot fill the path variables of " + route + ": teach this test how to reach it, "
					+ "or list it in OPERATOR_ONLY if customers never see it.");
		}
		messagesByConversation.forEach((conversation, messages) -> {
			String base = route.replace("{conversationId}", conversation);
			if (route.contains("{messageId}")) {
				messages.forEach((message) -> urls.add(base.replace("{messageId}", message)));
			}
			else {
				urls.add(base);
				if (route.endsWith("/messages")) {
					urls.add(base + "?limit=1");
				}
			}
		});
		return urls;
	}

	/**
	 * The bodies of a GET and of every page its Link header leads to; each must answer
	 * 200, so a route that cannot be read is noticed rather than skipped.
	 */
	private List<String> everyPage(String key, String url) {
		List<String> bodies = new ArrayList<>();
		String next = url;
		while (next != null) {
			Reply reply = get(key, next);
			assertThat(reply.status()).as("GET %s: %s", next, reply.body()).isEqualTo(200);
			bodies.add(reply.body());
			String link = reply.header("Link");
			next = (link != null) ? link.substring(link.indexOf('<') + 1, link.indexOf('>')) : null;
		}
		return bodies;
	}

}

package dev.woes.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.woes.support.OperatorApiTest;
import dev.woes.support.SampleValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A record of another workspace is invisible: every {@code /api} route that takes an id
 * answers {@code 404 not_found}, with exactly the body it gives for an id that does not
 * exist, and changes nothing.
 *
 * <p>
 * The probes are generated. Every route comes from the handler mappings; every id in it
 * comes from its path variables ({@code {conversationId}}) and from the top-level fields
 * of its JSON body in the served OpenAPI document whose names end in {@code Id} or
 * {@code Ids} ({@code sourceConversationId}, {@code operatorIds}). For each id the
 * stranger sends the owner's real id in that one place (every other id its own), and once
 * the owner's ids everywhere; each answer is compared with the same request naming a
 * missing id. The rest of a body is a valid sample made from the OpenAPI schema
 * ({@link SampleValues}).
 *
 * <p>
 * <b>Adding a route</b> usually needs nothing. A new kind of id needs one line in
 * {@link #FIXTURES}: the name of the path variable or body field (a field
 * {@code operatorIds} uses the fixture {@code operatorId}) and how to create such a
 * record in a tenant's workspace and answer its id, for example
 * {@code Map.entry("teamId", (test, ids) -> test.createTeam(ids.tenant()))}; a field
 * whose name ends in a fixture's name uses that fixture ({@code sourceConversationId}
 * makes a conversation) unless it has one of its own. A fixture may use other fixtures
 * through {@code ids.of("conversationId")}, which makes each record once per workspace. A
 * route whose generated body is not accepted gets a body of its own in {@link #BODIES}; a
 * field that ends in {@code Id} but names no record of this server goes in
 * {@link #NOT_RECORD_IDS}. The build fails, naming what to add, for an id without a
 * fixture.
 */
class CrossWorkspaceIT extends OperatorApiTest {

	private static final String MISSING = "0190f3a1-0000-7000-8000-000000000000";

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/:]+)(:[^}]*)?}");

	/**
	 * How to make a record of each kind in a tenant's workspace, by the name of the path
	 * variable or body field that carries its id.
	 */
	static final Map<String, BiFunction<CrossWorkspaceIT, Ids, String>> FIXTURES = Map.ofEntries(
			Map.entry("conversationId", (test, ids) -> test.openConversation(ids.tenant(), "cus_probe", "Private")),
			Map.entry("messageId",
					(test, ids) -> test.postMessage(ids.tenant(), ids.of("conversationId"), "secret details")),
			Map.entry("noteId",
					(test, ids) -> test.created(ids.tenant(),
							"/api/v1/conversations/" + ids.of("conversationId") + "/notes",
							"{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}, \"body\": \"private remark\"}",
							"/note/id")),
			Map.entry("issueId",
					(test, ids) -> test.created(ids.tenant(), "/api/v1/issues", "{\"subject\": \"Private bug\"}",
							"/issue/id")),
			Map.entry("issueNoteId",
					(test, ids) -> test.created(ids.tenant(), "/api/v1/issues/" + ids.of("issueId") + "/notes",
							"{\"body\": \"internal\"}", "/issueNote/id")),
			Map.entry("externalLinkId", (test, ids) -> test.created(ids.tenant(),
					"/api/v1/issues/" + ids.of("issueId") + "/external-links",
					"{\"provider\": \"linear\", \"key\": \"ENG-1\", \"url\": \"https://linear.app/acme/issue/ENG-1\"}",
					"/externalLink/id")),
			Map.entry("operatorId", (test, ids) -> test.createOperator(ids.tenant(), "Probe operator")),
			Map.entry("authorId", (test, ids) -> ids.of("operatorId")),
			Map.entry("webhookId", (test, ids) -> test.created(ids.tenant(), "/api/v1/webhooks",
					"{\"name\": \"Probe hook\", \"url\": \"https://receiver.example.com/hooks\"}", "/webhook/id")),
			Map.entry("deliveryId", (test, ids) -> test.firstDelivery(ids.tenant(), ids.of("webhookId"))),
			Map.entry("statusId",
					(test, ids) -> test.created(ids.tenant(), "/api/v1/statuses",
							"{\"label\": \"Escalated\", \"lifecycle\": \"open\"}", "/status/id")),
			Map.entry("priorityId",
					(test, ids) -> test.created(ids.tenant(), "/api/v1/priorities", "{\"label\": \"critical\"}",
							"/priority/id")),
			// A tag on the conversation, so that the conversation's tag routes find it
			Map.entry("tagId",
					(test, ids) -> test.created(ids.tenant(),
							"/api/v1/conversations/" + ids.of("conversationId") + "/tags", "{\"name\": \"billing\"}",
							"/tags/0/id")),
			Map.entry("customFieldId",
					(test, ids) -> test.created(ids.tenant(), "/api/v1/custom-fields",
							"{\"label\": \"Plan\", \"type\": \"text\"}", "/customField/id")),
			Map.entry("teamId", (test, ids) -> test.createTeam(ids.tenant(), "Probe team", ids.of("operatorId"))));

	/**
	 * Bodies for routes whose body generated from the OpenAPI schema is not accepted, by
	 * {@code "METHOD /path"}; ids in them are replaced like in generated ones.
	 */
	static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("POST /api/v1/conversations/{conversationId}/notes",
					"{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}, \"body\": \"intrusion\"}"),
			// keyed by custom field id; ConversationCustomFieldsIT probes another
			// workspace's field
			Map.entry("PATCH /api/v1/conversations/{conversationId}/custom-fields", "{\"" + MISSING + "\": \"Pro\"}"),
			Map.entry("PATCH /api/v1/statuses/{statusId}", "{\"label\": \"Taken\"}"),
			Map.entry("PATCH /api/v1/priorities/{priorityId}", "{\"label\": \"taken\"}"),
			Map.entry("PATCH /api/v1/tags/{tagId}", "{\"name\": \"taken\"}"),
			Map.entry("PATCH /api/v1/custom-fields/{customFieldId}", "{\"label\": \"Taken\"}"));

	/**
	 * Body fields that end in {@code Id} but carry no id of a record of this server.
	 */
	static final Set<String> NOT_RECORD_IDS = Set.of("externalId");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping routes;

	private Tenant owner;

	private Tenant stranger;

	@BeforeEach
	void twoWorkspaces() {
		this.owner = newTenant();
		this.stranger = newTenant();
	}

	@Test
	void everyRouteWithAnIdAnswers404ForAnotherWorkspacesRecordExactlyAsForAMissingOne() {
		JsonNode openApi = get(null, "/openapi.json").json();
		Ids ownersIds = new Ids(this, this.owner);
		Ids strangersIds = new Ids(this, this.stranger);
		List<String> missingFixtures = new ArrayList<>();
		List<Probe> probes = new ArrayList<>();
		for (String route : apiRoutes()) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			ObjectNode body = requestBody(openApi, route, method, path);
			List<Slot> slots = idSlots(path, body);
			for (Slot slot : slots) {
				if (!FIXTURES.containsKey(slot.fixture())) {
					missingFixtures.add(route + " takes " + slot.describe() + ": add a fixture \"" + slot.fixture()
							+ "\" to CrossWorkspaceIT.FIXTURES that creates one in a tenant's workspace");
				}
			}
			if (!slots.isEmpty()) {
				probes.add(new Probe(route, method, path, body, slots));
			}
		}
		if (!missingFixtures.isEmpty()) {
			fail("Routes with ids the cross-workspace probes cannot make:\n" + String.join("\n", missingFixtures));
		}
		assertThat(probes).isNotEmpty();
		// Every record exists in both workspaces before the first probe.
		for (Probe probe : probes) {
			probe.slots().forEach((slot) -> {
				ownersIds.of(slot.fixture());
				strangersIds.of(slot.fixture());
			});
		}
		Map<String, List<String>> ownersBefore = storedState(this.owner);
		Map<String, List<String>> strangersBefore = storedState(this.stranger);

		int sent = 0;
		for (Probe probe : probes) {
			for (int foreign = -1; foreign < probe.slots().size(); foreign++) {
				// -1: the owner's ids everywhere; otherwise the owner's id in that one
				// place.
				int only = foreign;
				Reply intruding = probe.send(this, (slot, index) -> (only < 0 || index == only)
						? ownersIds.of(slot.fixture()) : strangersIds.of(slot.fixture()));
				Reply missing = probe.send(this,
						(slot, index) -> (only < 0 || index == only) ? MISSING : strangersIds.of(slot.fixture()));
				String what = probe.route() + ((only < 0) ? " with every id the owner's"
						: " with the owner's " + probe.slots().get(only).describe());
				assertThat(intruding.status()).as(what + ": " + intruding.body()).isEqualTo(404);
				assertThat(intruding.json().path("code").asString()).as(what).isEqualTo("not_found");
				assertThat(intruding.body()).as(what).isEqualTo(missing.body());
				sent += 2;
			}
		}

		assertThat(storedState(this.owner)).isEqualTo(ownersBefore);
		assertThat(storedState(this.stranger)).isEqualTo(strangersBefore);
		System.out.printf("cross-workspace probes: %d routes, %d requests%n", probes.size(), sent);
	}

	@Test
	void listsNeverShowAnotherWorkspacesConversations() {
		openConversation(this.owner, "cus_1", "Private matter");
		assertThat(get(this.stranger.key(), "/api/v1/conversations").json().path("conversations")).isEmpty();
		assertThat(get(this.stranger.key(), "/api/v1/conversations?customerId=cus_1").json().path("conversations"))
			.isEmpty();
	}

	@Test
	void listsOfDefinitionsNeverShowAnotherWorkspaces() {
		String conversationId = openConversation(this.owner, "cus_1", "Private matter");
		created(this.owner, "/api/v1/conversations/" + conversationId + "/tags", "{\"name\": \"billing\"}",
				"/tags/0/id");
		created(this.owner, "/api/v1/custom-fields", "{\"label\": \"Plan\", \"type\": \"text\"}", "/customField/id");
		created(this.owner, "/api/v1/statuses", "{\"label\": \"Escalated\", \"lifecycle\": \"open\"}", "/status/id");

		assertThat(get(this.stranger.key(), "/api/v1/tags").json().path("tags")).isEmpty();
		assertThat(get(this.stranger.key(), "/api/v1/custom-fields").json().path("customFields")).isEmpty();
		assertThat(get(this.stranger.key(), "/api/v1/statuses").json()
			.path("statuses")
			.valueStream()
			.map((status) -> status.path("label").asString())).doesNotContain("Escalated");
		assertThat(get(this.stranger.key(), "/api/v1/conversations?tag=billing").json().path("conversations"))
			.isEmpty();
	}

	@Test
	void cursorsFromAnotherWorkspaceAreRefusedLikeUnknownOnes() {
		String conversationId = openConversation(this.owner, "cus_1", "Private matter");
		String messageId = postMessage(this.owner, conversationId, "secret details");
		Reply foreign = get(this.stranger.key(), "/api/v1/conversations?startingAfter=" + conversationId);
		Reply missing = get(this.stranger.key(), "/api/v1/conversations?startingAfter=" + MISSING);
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).isEqualTo(missing.body());

		String strangersConversation = openConversation(this.stranger, "cus_2", "Own");
		Reply foreignMessage = get(this.stranger.key(),
				"/api/v1/conversations/" + strangersConversation + "/messages?startingAfter=" + messageId);
		Reply missingMessage = get(this.stranger.key(),
				"/api/v1/conversations/" + strangersConversation + "/messages?startingAfter=" + MISSING);
		assertThat(foreignMessage.status()).isEqualTo(400);
		assertThat(foreignMessage.body()).isEqualTo(missingMessage.body());

		String noteId = created(this.owner, "/api/v1/conversations/" + conversationId + "/notes",
				"{\"author\": {\"type\": \"automation\", \"name\": \"bot\"}, \"body\": \"private\"}", "/note/id");
		String strangersNotes = "/api/v1/conversations/" + strangersConversation + "/notes?startingAfter=";
		Reply foreignNote = get(this.stranger.key(), strangersNotes + noteId);
		assertThat(foreignNote.status()).isEqualTo(400);
		assertThat(foreignNote.body()).isEqualTo(get(this.stranger.key(), strangersNotes + MISSING).body());
		String strangersTimeline = "/api/v1/conversations/" + strangersConversation + "/timeline?startingAfter=";
		for (String foreignItem : new String[] { noteId, messageId }) {
			Reply foreignCursor = get(this.stranger.key(), strangersTimeline + foreignItem);
			assertThat(foreignCursor.status()).isEqualTo(400);
			assertThat(foreignCursor.body()).isEqualTo(get(this.stranger.key(), strangersTimeline + MISSING).body());
		}
	}

	/**
	 * Sends a webhook's test event and answers the id of its delivery, once the
	 * dispatcher has queued it.
	 */
	String firstDelivery(Tenant tenant, String webhookId) {
		assertThat(post(tenant.key(), "/api/v1/webhooks/" + webhookId + "/test", null).status()).isEqualTo(202);
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
		String deliveryId = "";
		while (deliveryId.isEmpty() && System.nanoTime() < deadline) {
			deliveryId = get(tenant.key(), "/api/v1/webhooks/" + webhookId + "/deliveries").json()
				.at("/deliveries/0/id")
				.asString("");
		}
		assertThat(deliveryId).as("the test delivery of webhook " + webhookId).isNotEmpty();
		return deliveryId;
	}

	/**
	 * Creates a record through the API and answers its id.
	 */
	String created(Tenant tenant, String path, String body, String idPointer) {
		Reply reply = post(tenant.key(), path, body);
		assertThat(reply.status()).as(path + ": " + reply.body()).isBetween(200, 201);
		return reply.json().at(idPointer).asString();
	}

	private Set<String> apiRoutes() {
		Set<String> routes = new TreeSet<>();
		this.routes.getHandlerMethods().keySet().forEach((mapping) -> mapping.getPatternValues().forEach((pattern) -> {
			if (pattern.startsWith("/api/")) {
				mapping.getMethodsCondition()
					.getMethods()
					.forEach((method) -> routes.add(method.name() + " " + pattern));
			}
		}));
		return routes;
	}

	private static ObjectNode requestBody(JsonNode openApi, String route, String method, String path) {
		if (BODIES.containsKey(route)) {
			return (ObjectNode) JSON.readTree(BODIES.get(route));
		}
		JsonNode schema = openApi.path("paths")
			.path(path.replaceAll(":[^}]*}", "}"))
			.path(method.toLowerCase())
			.at("/requestBody/content/application~1json/schema");
		if (schema.isMissingNode()) {
			return null;
		}
		return (ObjectNode) new SampleValues(openApi).valid(schema);
	}

	private static List<Slot> idSlots(String path, ObjectNode body) {
		List<Slot> slots = new ArrayList<>();
		Matcher variables = PATH_VARIABLE.matcher(path);
		while (variables.find()) {
			slots.add(new Slot(variables.group(1), false, false));
		}
		if (body != null) {
			for (String field : body.propertyNames()) {
				if (NOT_RECORD_IDS.contains(field)) {
					continue;
				}
				if (field.endsWith("Id")) {
					slots.add(new Slot(field, true, false));
				}
				else if (field.endsWith("Ids")) {
					slots.add(new Slot(field, true, true));
				}
			}
		}
		return slots;
	}

	/**
	 * What every table holds for the workspace, row by row, leaving out what the server
	 * records in the background (a key's last use, webhook delivery progress).
	 */
	private Map<String, List<String>> storedState(Tenant tenant) {
		Map<String, List<String>> state = new LinkedHashMap<>();
		List<String> tables = new ArrayList<>(this.jdbc.sql("""
				SELECT c.relname FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname
				""").query(String.class).list());
		// Webhook deliveries, the dispatcher's cursor and an endpoint's failure record
		// move in
		// the background.
		tables.removeAll(List.of("webhook_deliveries", "webhook_workspaces"));
		for (String table : tables) {
			state.put(table, this.jdbc
				.sql("SELECT (to_jsonb(t) - 'last_used_at' - 'failing_since' - 'failed_deliveries')::text AS row FROM "
						+ table + " t WHERE workspace_id = :workspace ORDER BY 1")
				.param("workspace", tenant.workspace().id().value())
				.query(String.class)
				.list());
		}
		return state;
	}

	/**
	 * One place a route takes an id: a path variable or a body field.
	 */
	record Slot(String name, boolean inBody, boolean list) {

		/**
		 * The fixture of this id: the one named like it, else the longest one its name
		 * ends with ({@code sourceConversationId} uses {@code conversationId}).
		 */
		String fixture() {
			String single = this.list ? this.name.substring(0, this.name.length() - 1) : this.name;
			if (FIXTURES.containsKey(single)) {
				return single;
			}
			return FIXTURES.keySet()
				.stream()
				.filter((fixture) -> single.toLowerCase(Locale.ROOT).endsWith(fixture.toLowerCase(Locale.ROOT)))
				.max(Comparator.comparingInt(String::length))
				.orElse(single);
		}

		String describe() {
			return (this.inBody ? "body field " : "path variable ") + this.name;
		}

	}

	/**
	 * A route and the places it takes ids.
	 */
	record Probe(String route, String method, String path, ObjectNode body, List<Slot> slots) {

		Reply send(CrossWorkspaceIT test, BiFunction<Slot, Integer, String> idFor) {
			String url = this.path;
			ObjectNode sent = (this.body != null) ? this.body.deepCopy() : null;
			for (int i = 0; i < this.slots.size(); i++) {
				Slot slot = this.slots.get(i);
				String id = idFor.apply(slot, i);
				if (!slot.inBody()) {
					url = url.replaceFirst("\\{" + Pattern.quote(slot.name()) + "(:[^}]*)?}", id);
				}
				else if (slot.list()) {
					sent.putArray(slot.name()).add(id);
				}
				else {
					sent.put(slot.name(), id);
				}
			}
			return test.send(test.stranger.key(), this.method, url, (sent != null) ? sent.toString() : null);
		}

	}

	/**
	 * The records of one tenant made by the fixtures, each made once.
	 */
	static final class Ids {

		private final CrossWorkspaceIT test;

		private final Tenant tenant;

		private final Map<String, String> made = new HashMap<>();

		Ids(CrossWorkspaceIT test, Tenant tenant) {
			this.test = test;
			this.tenant = tenant;
		}

		Tenant tenant() {
			return this.tenant;
		}

		String of(String fixture) {
			String id = this.made.get(fixture);
			if (id == null) {
				id = FIXTURES.get(fixture).apply(this.test, this);
				UUID.fromString(id);
				this.made.put(fixture, id);
			}
			return id;
		}

	}

}

package dev.woes.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.auth.KeyManagement;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.Workspaces;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP tests: one server per test run on a real (embedded) PostgreSQL in a
 * fresh data directory, reached over HTTP like any client would. Each test makes its own
 * workspaces, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTest {

	private static final Path DATA_DIRECTORY = newDataDirectory();

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected Workspaces workspaces;

	@Autowired
	protected KeyManagement keys;

	@Autowired
	private JdbcClient database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("woes.data-dir", DATA_DIRECTORY::toString);
		// Tests fire thousands of requests with one key and many refused keys from one
		// address; the limits themselves are tested on servers of their own.
		// Key use is flushed by the tests that look at it, never in the middle of one.
		registry.add("woes.auth.usage-flush-interval", () -> "1h");
		registry.add("woes.rate-limit.requests-per-second", () -> "1000000");
		registry.add("woes.rate-limit.burst", () -> "1000000");
		registry.add("woes.rate-limit.failed-authentications-per-minute", () -> "1000000");
		registry.add("woes.rate-limit.failed-authentication-burst", () -> "1000000");
	}

	private static Path newDataDirectory() {
		try {
			Path target = Path.of("target", "test-data");
			Files.createDirectories(target);
			return Files.createTempDirectory(target, "api-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A workspace of its own and a key for it, with the given scopes (none: every scope).
	 */
	protected Tenant newTenant(String... scopes) {
		String name = "Test " + UUID.randomUUID().toString().substring(0, 12);
		Workspace workspace = Workspace.create(name, java.time.Instant.now());
		this.workspaces.add(workspace);
		return new Tenant(workspace, keyFor(workspace, scopes));
	}

	protected String keyFor(Workspace workspace, String... scopes) {
		return this.keys.issue(workspace.slug(), "test", Arrays.asList(scopes), null).secret().value();
	}

	protected Reply get(String key, String path) {
		return send(key, "GET", path, null);
	}

	protected Reply post(String key, String path, String body) {
		return send(key, "POST", path, body);
	}

	protected Reply patch(String key, String path, String body) {
		return send(key, "PATCH", path, body);
	}

	protected Reply send(String key, String method, String path, String body) {
		return exchange(this.port, key, method, path, body, Map.of());
	}

	/**
	 * Sends one request to a server on this machine: JSON when there is a body, the key
	 * as a Bearer token when there is one, and any further headers (which may replace
	 * those). An event stream never ends, so its body is not read: the reply has the
	 * status and headers and an empty body.
	 */
	public static Reply exchange(int port, String key, String method, String path, String body,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null && !headers.containsKey("Content-Type")) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream content = response.body()) {
				boolean stream = response.headers()
					.firstValue("Content-Type")
					.filter((type) -> type.startsWith("text/event-stream"))
					.isPresent();
				String text = stream ? "" : new String(content.readAllBytes(), StandardCharsets.UTF_8);
				return new Reply(response.statusCode(), text, response.headers());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens a conversation through the API and answers its id.
	 */
	protected String openConversation(Tenant tenant, String customerId, String subject) {
		Reply reply = post(tenant.key(), "/api/v1/conversations",
				"{\"subject\": \"" + subject + "\", \"customer\": {\"id\": \"" + customerId + "\"}}");
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not open a conversation: " + reply);
		}
		return reply.json().path("conversation").path("id").asString();
	}

	protected String postMessage(Tenant tenant, String conversationId, String body) {
		Reply reply = post(tenant.key(), "/api/v1/conversations/" + conversationId + "/messages",
				"{\"body\": \"" + body + "\"}");
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not post a message: " + reply);
		}
		return reply.json().path("message").path("id").asString();
	}

	/**
	 * Creates an issue with the subject; answers its id.
	 */
	protected String createIssue(Tenant tenant, String subject) {
		Reply reply = post(tenant.key(), "/api/v1/issues", "{\"subject\": \"" + subject + "\"}");
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not create an issue: " + reply);
		}
		return reply.json().at("/issue/id").asString();
	}

	/**
	 * The workspace's events in the order they were written: type, actor_type, actor_id,
	 * subject_id and data (JSON text).
	 */
	protected List<Map<String, Object>> eventsOf(Tenant tenant) {
		return this.database.sql("""
				SELECT type, actor_type, actor_id, subject_id, data::text AS data FROM events
				WHERE workspace_id = :workspace ORDER BY tx_id, seq
				""").param("workspace", tenant.workspace().id().value()).query().listOfRows();
	}

	protected List<String> eventTypesOf(Tenant tenant) {
		return eventsOf(tenant).stream().map((row) -> (String) row.get("type")).toList();
	}

	protected static JsonNode data(Map<String, Object> event) {
		return JSON.readTree((String) event.get("data"));
	}

	/**
	 * Follows a list's next-page links from {@code first} to its last page and answers
	 * the pages in order. Every page answers 200 with exactly {@code object},
	 * {@code hasMore} and the list {@code list} of at most {@code limit} items, carries a
	 * {@code Link} header exactly when {@code hasMore} is true, and links to the items
	 * after its last.
	 */
	protected List<Reply> walkPages(String key, String first, String list, int limit) {
		List<Reply> pages = new ArrayList<>();
		String next = first;
		while (next != null) {
			Reply page = get(key, next);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.fieldNames("")).containsExactly("object", "hasMore", list);
			List<String> ids = page.ids(list);
			assertThat(ids.size()).isLessThanOrEqualTo(limit);
			boolean hasMore = page.json().path("hasMore").asBoolean();
			assertThat(page.header("Link") != null).isEqualTo(hasMore);
			next = hasMore ? page.nextLink() : null;
			if (hasMore) {
				assertThat(next).contains("startingAfter=" + ids.get(ids.size() - 1));
			}
			pages.add(page);
		}
		return pages;
	}

	public record Tenant(Workspace workspace, String key) {
	}

	public record Reply(int status, String body, HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		/**
		 * The address of the next page, from the {@code Link} header.
		 */
		public String nextLink() {
			String header = header("Link");
			if (header == null || !header.endsWith(">; rel=\"next\"")) {
				throw new AssertionError("No link to a next page: " + header);
			}
			return header.substring(1, header.indexOf('>'));
		}

		/**
		 * The ids of the items of the list {@code list}.
		 */
		public List<String> ids(String list) {
			return json().path(list).valueStream().map((item) -> item.path("id").asString()).toList();
		}

		public List<String> fieldNames(String path) {
			JsonNode node = json().at(path);
			return node.propertyNames().stream().toList();
		}

	}

}

package dev.woes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.woes.support.ApiTest;
import dev.woes.support.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protections in front of the API hold for every route the server maps, including
 * routes added later: the routes are read from the handler mappings, not listed by hand.
 */
class ApiRouteCoverageIT extends ApiTest {

	private static final int MAX_BODY = 1024 * 1024;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void everyApiAnswerCarriesRateLimitHeaders() {
		Tenant tenant = newTenant();
		List<Reply> replies = new ArrayList<>();
		for (Route route : routes()) {
			if (route.path().endsWith("/stream")) {
				// A stream never ends: read what it sends first, the headers included.
				try (RawHttp client = RawHttp.connect(this.port, Duration.ofSeconds(5))) {
					client.send(route.method() + " " + route.path() + " HTTP/1.1\r\nHost: localhost\r\n"
							+ "Authorization: Bearer " + tenant.key() + "\r\n\r\n");
					assertThat(client.receiveSome()).as(route.toString())
						.containsPattern("(?i)RateLimit-Limit: [1-9][0-9]*\r\n")
						.containsPattern("(?i)RateLimit-Remaining: [0-9]+\r\n")
						.containsPattern("(?i)RateLimit-Reset: [0-9]+\r\n");
				}
				continue;
			}
			replies.add(send(tenant.key(), route.method(), route.path(), route.hasBody() ? "{}" : null));
		}
		replies.add(get("woesk_" + "0".repeat(43), "/api/v1/conversations"));
		replies.add(get(tenant.key(), "/api/v1/no-such-route"));

		for (Reply reply : replies) {
			assertThat(reply.header("RateLimit-Limit")).as(reply.toString()).matches("[1-9][0-9]*");
			assertThat(reply.header("RateLimit-Remaining")).as(reply.toString()).matches("[0-9]+");
			assertThat(reply.header("RateLimit-Reset")).as(reply.toString()).matches("[0-9]+");
		}
	}

	@Test
	void everyPostAndPatchRouteReadsTheIdempotencyKey() {
		Tenant tenant = newTenant();
		for (Route route : writeRoutes()) {
			Reply refused = exchange(this.port, tenant.key(), route.method(), route.path(), "{}",
					Map.of("Idempotency-Key", "k".repeat(256)));

			assertThat(refused.status()).as(route.toString()).isEqualTo(400);
			assertThat(refused.json().path("error").asString()).as(route.toString())
				.startsWith("Idempotency-Key must be 1-255");
		}
	}

	@Test
	void everyPostAndPatchRouteRefusesAnAnnouncedBodyOverTheLimitBeforeReadingIt() {
		Tenant tenant = newTenant();
		for (Route route : writeRoutes()) {
			try (RawHttp client = RawHttp.connect(this.port, Duration.ofSeconds(10))) {
				client.send(route.method() + " " + route.path()
						+ " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.key()
						+ "\r\nContent-Type: application/json\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");
				String answer = client.receiveUntilClosed();

				assertThat(answer).as(route.toString()).startsWith("HTTP/1.1 413");
				assertThat(answer).contains("\"code\":\"payload_too_large\"").doesNotContain("<still open>");
			}
		}
	}

	@Test
	void everyRouteThatReadsABodyRefusesAChunkedBodyThatGrowsOverTheLimit() {
		Tenant tenant = newTenant();
		for (Route route : writeRoutes().stream().filter(Route::readsBody).toList()) {
			for (boolean keyed : List.of(false, true)) {
				try (RawHttp client = RawHttp.connect(this.port, Duration.ofSeconds(10))) {
					client.send(route.method() + " " + route.path() + " HTTP/1.1\r\nHost: localhost\r\n"
							+ "Authorization: Bearer " + tenant.key() + "\r\nContent-Type: application/json\r\n"
							+ (keyed ? "Idempotency-Key: " + UUID.randomUUID() + "\r\n" : "")
							+ "Transfer-Encoding: chunked\r\n\r\n");
					// Whitespace before the JSON value: a reader must consume all of it,
					// whatever fields the route accepts.
					byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
					for (int sent = 0; sent <= MAX_BODY + 0x10000 && client.send(chunk); sent += 0x10000) {
						// Keep streaming until the server has refused or seen enough.
					}
					String answer = client.receiveUntilClosed();

					assertThat(answer).as(route + (keyed ? " with a key" : "")).startsWith("HTTP/1.1 413");
					assertThat(answer).contains("\"code\":\"payload_too_large\"");
				}
			}
		}
		assertThat(count(tenant)).isZero();
	}

	@Test
	void aBodyUnderTheLimitIsRead() {
		Tenant tenant = newTenant();
		Reply reply = post(tenant.key(), "/api/v1/conversations",
				"{\"subject\": \"" + "x".repeat(MAX_BODY - 100) + "\", \"customer\": {\"id\": \"c\"}}");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("error").asString()).contains("subject");
	}

	@Test
	void theRoutesAreFound() {
		assertThat(writeRoutes()).extracting(Route::method).contains("POST", "PATCH");
		assertThat(routes()).hasSizeGreaterThanOrEqualTo(6);
	}

	private long count(Tenant tenant) {
		return get(tenant.key(), "/api/v1/conversations").json().path("conversations").size();
	}

	private List<Route> writeRoutes() {
		return routes().stream().filter(Route::hasBody).toList();
	}

	/**
	 * Every mapped route under /api, with a random id for each path variable.
	 */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = handler.getKey();
			boolean readsBody = Arrays.stream(handler.getValue().getMethodParameters())
				.anyMatch((parameter) -> parameter.hasParameterAnnotation(RequestBody.class));
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(method.name(), path, readsBody));
				}
			}
		}
		return routes;
	}

	/**
	 * @param readsBody whether the handler takes a request body (a body-less PUT such as
	 * adding a team member answers without reading one)
	 */
	record Route(String method, String path, boolean readsBody) {

		boolean hasBody() {
			return "POST".equals(this.method) || "PATCH".equals(this.method) || "PUT".equals(this.method);
		}

	}

}

package dev.woes.shared;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers of ordinary size arrive whole, with their length, not chunked: a client can
 * size its buffer, and the server sends each in one write. The event stream stays a
 * stream.
 */
class ResponseFramingIT extends ApiTest {

	@Test
	void answersCarryTheirLengthWhateverTheControllerReturns() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Framing");
		openConversation(tenant, "cus_2", "Framing too");

		// A ResponseEntity with a status and headers of its own, a page with a Link
		// header, a plain body, and an error.
		assertWhole(post(tenant.key(), "/api/v1/conversations/" + id + "/messages", "{\"body\": \"Hello\"}"), 201);
		Reply page = get(tenant.key(), "/api/v1/conversations?limit=1");
		assertWhole(page, 200);
		assertThat(page.header("Link")).contains("rel=\"next\"");
		assertWhole(get(tenant.key(), "/api/v1/conversations/" + id), 200);
		assertWhole(get(tenant.key(), "/api/v1/conversations/" + id + "/messages"), 200);
		assertWhole(get(tenant.key(), "/api/v1/conversations/00000000-0000-0000-0000-000000000000"), 404);
	}

	@Test
	void theEventStreamIsStillStreamed() {
		Tenant tenant = newTenant();
		Reply stream = exchange(this.port, tenant.key(), "GET", "/api/v1/events/stream", null,
				Map.of("Accept", "text/event-stream"));
		assertThat(stream.status()).isEqualTo(200);
		assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
		assertThat(stream.headers().firstValue("Content-Length")).isEmpty();
	}

	private static void assertWhole(Reply reply, int status) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.headers().firstValue("Transfer-Encoding")).as(reply.body()).isEmpty();
		assertThat(reply.headers().firstValue("Content-Length"))
			.contains(String.valueOf(reply.body().getBytes(StandardCharsets.UTF_8).length));
	}

}

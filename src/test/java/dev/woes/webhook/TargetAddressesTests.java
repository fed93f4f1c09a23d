package dev.woes.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The address rules on their own, without a server: every refused spelling is refused,
 * public addresses pass, and the development switch opens loopback and http.
 */
class TargetAddressesTests {

	private final TargetAddresses publicOnly = new TargetAddresses(false);

	@Test
	void refusesEveryNonPublicTarget() throws IOException {
		for (String url : WebhooksIT.REFUSED) {
			assertThatExceptionOfType(InvalidWebhookUrl.class).as(url).isThrownBy(() -> this.publicOnly.check(url));
		}
		for (String name : WebhooksIT.loopbackNamesOfThisMachine()) {
			assertThatExceptionOfType(InvalidWebhookUrl.class).as(name)
				.isThrownBy(() -> this.publicOnly.check("https://" + name + "/"));
		}
	}

	@Test
	void acceptsPublicTargets() {
		for (String url : WebhooksIT.ACCEPTED) {
			assertThatNoException().as(url).isThrownBy(() -> this.publicOnly.check(url));
		}
	}

	@Test
	void refusesTheResolvedAddressesOfANameBeforeEverySend() throws IOException {
		URI loopbackName = URI.create("https://localhost/");
		assertThatExceptionOfType(InvalidWebhookUrl.class).isThrownBy(() -> this.publicOnly.addresses(loopbackName))
			.withMessageContaining("public addresses");
		assertThat(new TargetAddresses(true).addresses(URI.create("http://localhost:1/")))
			.allMatch(InetAddress::isLoopbackAddress);
	}

	@Test
	void theDevelopmentSwitchAllowsHttpAndPrivateTargetsButNeverCredentials() {
		TargetAddresses development = new TargetAddresses(true);
		for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/", "https://10.0.0.1/",
				"http://[::1]:9000/")) {
			assertThatNoException().as(url).isThrownBy(() -> development.check(url));
		}
		assertThatExceptionOfType(InvalidWebhookUrl.class)
			.isThrownBy(() -> development.check("http://user:pass@127.0.0.1/"));
	}

}

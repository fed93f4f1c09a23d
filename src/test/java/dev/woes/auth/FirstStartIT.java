package dev.woes.auth;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.woes.support.ConsoleCapture;
import dev.woes.support.DataDirectories;
import dev.woes.support.WoesServer;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.WorkspaceSlug;
import dev.woes.workspace.Workspaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A fresh server is usable without setup: it either prints its first key once, or adopts
 * the key its operator gives in {@code WOES_BOOTSTRAP_API_KEY}.
 */
class FirstStartIT {

	private static final String KEY = "woesk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

	private static final Pattern SECRET = Pattern.compile("woesk_[A-Za-z0-9]{43}");

	private static final WorkspaceSlug DEFAULT = new WorkspaceSlug("default");

	private static final String CONVERSATIONS = "/api/v1/conversations";

	private Path dataDirectory;

	@BeforeEach
	void freshDataDirectory() {
		this.dataDirectory = DataDirectories.newDataDirectory("first-start");
	}

	@Test
	void aBootstrapKeyMakesExactlyOneDefaultWorkspaceHoldingItHoweverOftenTheServerStarts() {
		try (WoesServer server = WoesServer.start(this.dataDirectory, "woes.bootstrap-api-key=" + KEY)) {
			assertThat(server.get(KEY, CONVERSATIONS).status()).isEqualTo(200);
		}

		try (WoesServer server = WoesServer.start(this.dataDirectory, "woes.bootstrap-api-key=" + KEY)) {
			assertThat(server.get(KEY, CONVERSATIONS).status()).isEqualTo(200);
			assertThat(server.bean(Workspaces.class).all()).extracting(Workspace::slug).containsExactly(DEFAULT);
			assertThat(server.bean(KeyManagement.class).list(DEFAULT)).singleElement().satisfies((key) -> {
				assertThat(key.prefix()).isEqualTo(KEY.substring(0, 15));
				assertThat(key.name()).isEqualTo("bootstrap");
				assertThat(key.scopes()).isEmpty();
				assertThat(key.expiresAt()).isNull();
				assertThat(key.isRevoked()).isFalse();
			});
		}
	}

	@Test
	void aFirstStartPrintsOneWorkingKeyOnceAndLaterStartsPrintNone() {
		String key;
		try (ConsoleCapture console = ConsoleCapture.start();
				WoesServer server = WoesServer.start(this.dataDirectory, "woes.bootstrap-api-key=")) {
			List<String> printed = secrets(console.output());
			assertThat(printed).hasSize(1);
			assertThat(console.output()).containsOnlyOnce("=== Woes: first start ===")
				.contains("Created the workspace 'default' and its API key. It is shown only this once:");
			key = printed.get(0);
			assertThat(server.get(key, CONVERSATIONS).status()).isEqualTo(200);
		}

		try (ConsoleCapture console = ConsoleCapture.start();
				WoesServer server = WoesServer.start(this.dataDirectory, "woes.bootstrap-api-key=")) {
			assertThat(secrets(console.output())).isEmpty();
			assertThat(console.output()).doesNotContain("first start");
			assertThat(server.get(key, CONVERSATIONS).status()).isEqualTo(200);
			assertThat(server.bean(Workspaces.class).all()).extracting(Workspace::slug).containsExactly(DEFAULT);
			assertThat(server.bean(KeyManagement.class).list(DEFAULT)).singleElement().satisfies((stored) -> {
				assertThat(stored.prefix()).isEqualTo(key.substring(0, 15));
				assertThat(stored.name()).isEqualTo("default");
				assertThat(stored.scopes()).isEmpty();
			});
		}
	}

	@Test
	void aMalformedBootstrapKeyStopsTheStartNamingTheSetting() {
		try (ConsoleCapture console = ConsoleCapture.start()) {
			Throwable failure = catchThrowable(
					() -> WoesServer.start(this.dataDirectory, "woes.bootstrap-api-key=woesk_short").close());

			assertThat(failure).hasRootCauseInstanceOf(InvalidBootstrapKey.class)
				.rootCause()
				.hasMessageStartingWith("WOES_BOOTSTRAP_API_KEY is not a well-formed API key");
			assertThat(console.output()).contains("APPLICATION FAILED TO START")
				.contains("WOES_BOOTSTRAP_API_KEY is not a well-formed API key: it must be 'woesk_' followed by "
						+ "at least 43 letters and digits.")
				.contains("Unset WOES_BOOTSTRAP_API_KEY, or set it to a key");
		}
		assertThat(this.dataDirectory.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
	}

	private static List<String> secrets(String text) {
		return SECRET.matcher(text).results().map(MatchResult::group).toList();
	}

}

package dev.woes.database;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.woes.support.ApiTest.Reply;
import dev.woes.support.ConsoleCapture;
import dev.woes.support.DataDirectories;
import dev.woes.support.WoesServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The embedded PostgreSQL under the data directory: data outlives the server, one server
 * owns the directory at a time, and a PostgreSQL orphaned by a killed server is taken
 * over by the next one.
 */
class EmbeddedDatabaseIT {

	private static final String KEY = "woesk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

	private static final String BOOTSTRAP_KEY = "woes.bootstrap-api-key=" + KEY;

	private static final String CONVERSATIONS = "/api/v1/conversations";

	private Path dataDirectory;

	@BeforeEach
	void freshDataDirectory() {
		this.dataDirectory = DataDirectories.newDataDirectory("database");
	}

	@Test
	void aConversationIsStillThereAfterARestart() {
		JsonNode created;
		try (WoesServer server = WoesServer.start(this.dataDirectory, BOOTSTRAP_KEY)) {
			created = openConversation(server);
		}

		try (WoesServer server = WoesServer.start(this.dataDirectory, BOOTSTRAP_KEY)) {
			Reply read = server.get(KEY, CONVERSATIONS + "/" + created.path("id").asString());

			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().path("conversation")).isEqualTo(created);
			assertThat(server.get(KEY, CONVERSATIONS).json().path("conversations")).containsExactly(created);
		}
		assertThat(postmasterPidFile()).doesNotExist();
	}

	@Test
	void aSecondServerOnTheSameDataDirectoryRefusesToStartAndLeavesTheFirstServing() throws Exception {
		try (WoesServer first = WoesServer.start(this.dataDirectory, BOOTSTRAP_KEY)) {
			long postmasterPid = Long.parseLong(Files.readAllLines(postmasterPidFile()).get(0).strip());

			String refusal = "The data directory " + this.dataDirectory
					+ " is in use by another running Woes server (its PostgreSQL has pid " + postmasterPid + ").";

			try (ConsoleCapture console = ConsoleCapture.start()) {
				Throwable failure = catchThrowable(() -> WoesServer.start(this.dataDirectory, BOOTSTRAP_KEY).close());

				assertThat(failure).hasRootCauseInstanceOf(DataDirectoryInUse.class).rootCause().hasMessage(refusal);
				assertThat(console.output()).contains("APPLICATION FAILED TO START")
					.contains(refusal)
					.contains("Stop the other server, or give this one its own WOES_DATA_DIR");
			}
			assertThat(first.get(KEY, CONVERSATIONS).status()).isEqualTo(200);
			assertThat(ProcessHandle.of(postmasterPid).filter(ProcessHandle::isAlive)).isPresent();
		}
	}

	@Test
	void aServerRefusesADataDirectoryThatAnotherLiveProcessHolds() throws Exception {
		try (StandInServer other = StandInServer.start(this.dataDirectory)) {
			Throwable failure = catchThrowable(() -> WoesServer.start(this.dataDirectory, BOOTSTRAP_KEY).close());

			assertThat(failure).hasRootCauseInstanceOf(DataDirectoryInUse.class)
				.rootCause()
				.hasMessageContaining("(its PostgreSQL has pid " + other.postmasterPid() + ")");
			assertThat(other.postmaster()).isPresent();
		}
	}

	@Test
	void aServerTakesOverThePostgresqlAKilledServerLeftRunningWithItsDataIntact() throws Exception {
		JsonNode created;
		try (WoesServer server = WoesServer.start(this.dataDirectory, BOOTSTRAP_KEY)) {
			created = openConversation(server);
		}
		try (StandInServer killed = StandInServer.start(this.dataDirectory)) {
			killed.kill();
			assertThat(killed.postmaster()).as("the PostgreSQL the killed server left running").isPresent();

			try (WoesServer server = WoesServer.start(this.dataDirectory, BOOTSTRAP_KEY)) {
				assertThat(killed.postmaster()).as("the orphaned PostgreSQL, once taken over").isEmpty();
				Reply read = server.get(KEY, CONVERSATIONS + "/" + created.path("id").asString());

				assertThat(read.status()).isEqualTo(200);
				assertThat(read.json().path("conversation")).isEqualTo(created);
			}
		}
		assertThat(postmasterPidFile()).doesNotExist();
	}

	private JsonNode openConversation(WoesServer server) {
		Reply reply = server.post(KEY, CONVERSATIONS, "{\"subject\":\"x\",\"customer\":{\"id\":\"c\"}}");
		assertThat(reply.status()).isEqualTo(201);
		return reply.json().path("conversation");
	}

	private Path postmasterPidFile() {
		return this.dataDirectory.resolve("postgres").resolve("postmaster.pid");
	}

}

package dev.woes.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from bundled binaries, its data kept under
 * {@code <data dir>/postgres} across restarts.
 *
 * <p>
 * A server killed with {@code kill -9} leaves its PostgreSQL running; the next start
 * finds it through {@code postmaster.pid}, sees that no live process holds the
 * directory's lock, stops it and starts afresh. While a server does hold the directory, a
 * second server refuses to start, and a command-line run connects to the running
 * PostgreSQL instead.
 */
public final class EmbeddedDatabase implements DatabaseServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String LOCK_FILE = "epg-lock";

	/**
	 * The role the application connects as: it owns no table, is no superuser and cannot
	 * bypass row-level security. The migrations run as {@link #OWNER_ROLE}.
	 */
	static final String APPLICATION_ROLE = "woes_app";

	static final String OWNER_ROLE = "postgres";

	private final EmbeddedPostgres postgres;

	private final String jdbcUrl;

	private EmbeddedDatabase(EmbeddedPostgres postgres, String jdbcUrl) {
		this.postgres = postgres;
		this.jdbcUrl = jdbcUrl;
	}

	/**
	 * Starts PostgreSQL on the data directory, for a server that owns it.
	 * @throws DataDirectoryInUse when another running server holds the directory
	 */
	public static DatabaseServer start(Path dataDirectory) {
		return open(dataDirectory, false);
	}

	/**
	 * Connects to the PostgreSQL of a server running on the data directory, or starts one
	 * for the duration of a command when none runs.
	 */
	public static DatabaseServer startOrJoin(Path dataDirectory) {
		return open(dataDirectory, true);
	}

	private static DatabaseServer open(Path dataDirectory, boolean mayJoin) {
		Path pgData = dataDirectory.toAbsolutePath().normalize().resolve("postgres");
		try {
			Files.createDirectories(pgData);
			Optional<RunningPostmaster> running = RunningPostmaster.of(pgData);
			if (running.isPresent()) {
				if (isLockedByAnotherProcess(pgData)) {
					if (mayJoin) {
						return new External(running.get().jdbcUrl(), APPLICATION_ROLE, "", OWNER_ROLE, "");
					}
					throw new DataDirectoryInUse(dataDirectory, running.get().pid());
				}
				running.get().stop();
			}
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(false)
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.setServerConfig("max_connections", "200")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			log.info("Embedded PostgreSQL is running on port {} with its data in {}", postgres.getPort(), pgData);
			createApplicationRole(postgres);
			// No user in the URL: each pool names its own role.
			return new EmbeddedDatabase(postgres, "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Could not start the embedded PostgreSQL in " + pgData + ": " + ex.getMessage(), ex);
		}
	}

	private static void createApplicationRole(EmbeddedPostgres postgres) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					DO $$ BEGIN
					  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
					    CREATE ROLE %1$s LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
					  END IF;
					END $$""".formatted(APPLICATION_ROLE));
		}
		catch (SQLException ex) {
			throw new IOException("could not create the role " + APPLICATION_ROLE + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isLockedByAnotherProcess(Path pgData) throws IOException {
		try (FileChannel channel = FileChannel.open(pgData.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				return true;
			}
			lock.release();
			return false;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	@Override
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String username() {
		return APPLICATION_ROLE;
	}

	@Override
	public String migrationUsername() {
		return OWNER_ROLE;
	}

	@Override
	public String migrationPassword() {
		return "";
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL cleanly", ex);
		}
	}

	/**
	 * A postmaster recorded in {@code postmaster.pid} whose process is alive.
	 */
	record RunningPostmaster(long pid, int port) {

		static Optional<RunningPostmaster> of(Path pgData) throws IOException {
			Path pidFile = pgData.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.size() < 4) {
				return Optional.empty();
			}
			long pid = Long.parseLong(lines.get(0).strip());
			int port = Integer.parseInt(lines.get(3).strip());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.map((process) -> new RunningPostmaster(pid, port));
		}

		String jdbcUrl() {
			return "jdbc:postgresql://localhost:" + this.port + "/postgres";
		}

		/**
		 * Stops a PostgreSQL left behind by a server that died without shutting it down:
		 * a smart shutdown first (it has no clients left), then a forced one.
		 */
		void stop() {
			ProcessHandle.of(this.pid).ifPresent((process) -> {
				log.warn("Stopping PostgreSQL (pid {}) left running by a previous server that did not shut down",
						this.pid);
				process.destroy();
				try {
					process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					process.destroyForcibly();
				}
			});
		}

	}

}

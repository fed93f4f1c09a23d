package dev.woes.crash;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of the crash test, from the same bundled binaries as the embedded database
 * (which also take care of running as root), on a fixed port of 127.0.0.1 so that a
 * server keeps its URL across crashes. {@link #crash()} kills the postmaster and every
 * process it started with SIGKILL at once; {@link #start()} then starts it again on the
 * same data directory, which is crash recovery.
 */
final class CrashDatabase implements AutoCloseable {

	/**
	 * The role the server's pool uses, as on the embedded database: it owns nothing and
	 * is held to row-level security. The migrations run as {@code postgres}.
	 */
	static final String APPLICATION_ROLE = "woes_app";

	private final Path pgData;

	private final Path log;

	private final int port;

	private final String synchronousCommit;

	private EmbeddedPostgres postgres;

	private CrashDatabase(Path pgData, Path log, int port, String synchronousCommit) {
		this.pgData = pgData;
		this.log = log;
		this.port = port;
		this.synchronousCommit = synchronousCommit;
	}

	static CrashDatabase start(Path pgData, Path log, String synchronousCommit) throws IOException, SQLException {
		CrashDatabase database = new CrashDatabase(pgData, log, freePort(), synchronousCommit);
		database.start();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement
				.execute("CREATE ROLE " + APPLICATION_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
		}
		return database;
	}

	/**
	 * Starts PostgreSQL on the data directory: a new cluster the first time, crash
	 * recovery after {@link #crash()}.
	 */
	void start() throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(this.pgData)
			.setCleanDataDirectory(false)
			.setPort(this.port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("fsync", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("synchronous_commit", this.synchronousCommit)
			.setServerConfig("max_connections", "100")
			.setOutputRedirector(Redirect.appendTo(this.log.toFile()))
			.setErrorRedirector(Redirect.appendTo(this.log.toFile()))
			.setPGStartupWait(Duration.ofSeconds(120));
		if (!"on".equals(this.synchronousCommit)) {
			// Commits are acknowledged before their WAL is written; the WAL writer writes
			// it at most this long afterwards (the maximum): a wide window for a crash.
			builder.setServerConfig("wal_writer_delay", "10000ms");
		}
		this.postgres = builder.start();
	}

	/**
	 * Kills the postmaster and every process it started with SIGKILL, at once: no
	 * shutdown checkpoint, shared memory and unwritten WAL buffers lost.
	 * @return how many processes were killed
	 */
	int crash() throws IOException, InterruptedException {
		ProcessHandle postmaster = postmaster()
			.orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
		// Stopped first, so that it starts no process between the listing and the kill
		// (an orphaned backend would hold the old shared memory and refuse the restart).
		new ProcessBuilder("kill", "-STOP", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
		List<ProcessHandle> processes = new ArrayList<>();
		processes.add(postmaster);
		postmaster.descendants().forEach(processes::add);
		processes.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : processes) {
			try {
				process.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("PostgreSQL process " + process.pid() + " did not die", ex);
			}
		}
		// Releases the data directory's lock; its attempt to stop the dead server fails.
		this.postgres.close();
		this.postgres = null;
		return processes.size();
	}

	Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = this.pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	/**
	 * A connection as the superuser, which sees every workspace's rows.
	 */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "");
	}

	@Override
	public void close() throws Exception {
		if (this.postgres != null) {
			this.postgres.close();
			this.postgres = null;
		}
		// Whatever a failed stop left behind.
		Optional<ProcessHandle> left = postmaster();
		if (left.isPresent()) {
			left.get().descendants().forEach(ProcessHandle::destroyForcibly);
			left.get().destroyForcibly();
			left.get().onExit().get(30, TimeUnit.SECONDS);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

package dev.woes.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a Woes server process: a JVM of its own that starts the embedded
 * PostgreSQL on a data directory exactly as a server does, and then waits to be killed.
 * Closing it kills that JVM and stops any PostgreSQL it left behind.
 */
final class StandInServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(60);

	private final Process process;

	private final long postmasterPid;

	private StandInServer(Process process, long postmasterPid) {
		this.process = process;
		this.postmasterPid = postmasterPid;
	}

	/**
	 * The stand-in's own process: start PostgreSQL, say so through the ready file, sleep.
	 */
	public static void main(String[] args) throws Exception {
		EmbeddedDatabase.start(Path.of(args[0]));
		Files.writeString(Path.of(args[1]), "ready");
		Thread.sleep(Long.MAX_VALUE);
	}

	static StandInServer start(Path dataDirectory) throws IOException, InterruptedException {
		Path ready = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".ready");
		Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".stand-in.log");
		String java = ProcessHandle.current().info().command().orElseThrow();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				StandInServer.class.getName(), dataDirectory.toString(), ready.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!Files.exists(ready)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroy();
				if (!process.waitFor(30, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
				throw new IllegalStateException("The stand-in server did not start:\n" + Files.readString(log));
			}
			Thread.sleep(50);
		}
		List<String> pidFile = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
		return new StandInServer(process, Long.parseLong(pidFile.get(0).strip()));
	}

	long postmasterPid() {
		return this.postmasterPid;
	}

	Optional<ProcessHandle> postmaster() {
		return ProcessHandle.of(this.postmasterPid).filter(ProcessHandle::isAlive);
	}

	/**
	 * Dies the way {@code kill -9} kills: no shutdown hook runs, so its PostgreSQL is
	 * left running.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws Exception {
		kill();
		Optional<ProcessHandle> postmaster = postmaster();
		if (postmaster.isPresent()) {
			postmaster.get().destroy();
			try {
				postmaster.get().onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				postmaster.get().destroyForcibly();
			}
		}
	}

}

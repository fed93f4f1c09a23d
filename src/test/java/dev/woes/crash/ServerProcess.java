package dev.woes.crash;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operating system process of its own: {@code java -jar woes.jar} with
 * the JVM that runs the tests, configured through the environment, its output appended to
 * a log file. {@link #kill()} is {@code kill -9}.
 */
final class ServerProcess implements AutoCloseable {

	/**
	 * The exit status of a process killed by SIGKILL (128 + 9).
	 */
	static final int KILLED_BY_SIGKILL = 137;

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private final URI readiness;

	private final String key;

	private Process process;

	ServerProcess(Path jar, Path workDirectory, Map<String, String> environment, Path log, URI baseUrl, String key) {
		String java = ProcessHandle.current().info().command().orElseThrow();
		// C1 only and a class data archive written by the first start: restarts are what
		// the test waits for most.
		this.command = List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+AutoCreateSharedArchive",
				"-XX:SharedArchiveFile=" + workDirectory.resolve("woes.jsa"), "-jar", jar.toString());
		this.environment = Map.copyOf(environment);
		this.log = log;
		this.readiness = baseUrl.resolve("/api/v1/conversations?limit=1");
		this.key = key;
	}

	/**
	 * Starts the server and waits until it answers an authenticated request.
	 */
	void start(Duration within) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(this.log.toFile()));
		builder.environment().keySet().removeIf((name) -> name.startsWith("WOES_"));
		builder.environment().putAll(this.environment);
		this.process = builder.start();
		awaitReady(within);
	}

	/**
	 * Waits until the server answers an authenticated request with 200 (after a start, or
	 * while its pool reconnects to a restarted PostgreSQL).
	 */
	void awaitReady(Duration within) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The server exited with status " + this.process.exitValue() + ":\n" + tail(this.log, 60));
			}
			try {
				HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(this.readiness)
					.timeout(Duration.ofSeconds(5))
					.header("Authorization", "Bearer " + this.key)
					.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("The server was not ready within " + within + ":\n" + tail(this.log, 60));
	}

	/**
	 * Kills the server with SIGKILL: no shutdown hook, no graceful shutdown, requests and
	 * webhook deliveries cut off wherever they are.
	 * @return the exit status ({@value #KILLED_BY_SIGKILL} for SIGKILL)
	 */
	int kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The server did not die");
		}
		return this.process.exitValue();
	}

	long pid() {
		return this.process.pid();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			kill();
		}
	}

	static String tail(Path file, int lines) {
		try {
			List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}

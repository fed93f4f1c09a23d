package dev.woes.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.woes.WoesApplication;
import dev.woes.support.ApiTest.Reply;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole Woes server, started the way an operator starts it (a random port, a data
 * directory, perhaps a few settings) and reached over HTTP. Closing it stops the server
 * and its embedded PostgreSQL.
 */
public final class WoesServer implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private WoesServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * Starts a server on the data directory. Settings are {@code name=value} pairs, given
	 * as command-line arguments so that they win over {@code application.properties} as
	 * an operator's would.
	 */
	public static WoesServer start(Path dataDirectory, String... settings) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		args.add("--woes.data-dir=" + dataDirectory);
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new WoesServer(new SpringApplicationBuilder(WoesApplication.class).run(args.toArray(String[]::new)));
	}

	public int port() {
		return this.port;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	public Reply get(String key, String path) {
		return send(key, "GET", path, null);
	}

	public Reply post(String key, String path, String body) {
		return send(key, "POST", path, body);
	}

	/**
	 * Repeats a GET until its reply satisfies the condition or the time is up, and
	 * answers the last reply.
	 */
	public Reply getUntil(String key, String path, Predicate<Reply> condition, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		Reply reply = get(key, path);
		while (!condition.test(reply) && System.nanoTime() < deadline) {
			pause(Duration.ofMillis(100));
			reply = get(key, path);
		}
		return reply;
	}

	private Reply send(String key, String method, String path, String body) {
		return ApiTest.exchange(this.port, key, method, path, body, Map.of());
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}

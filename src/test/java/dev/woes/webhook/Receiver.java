package dev.woes.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1: records every request it gets and answers with the
 * next scripted status (200 once the script is used up). A scripted {@link #HANG} holds
 * the request without answering until {@link #release()} or the receiver stops.
 */
final class Receiver implements AutoCloseable {

	static final int HANG = -1;

	private final Deque<Integer> script = new ConcurrentLinkedDeque<>();

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final CountDownLatch released = new CountDownLatch(1);

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private HttpServer server;

	private final int port;

	private Receiver(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", (exchange) -> {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join("\n", values)));
			this.requests.add(
					new Request(exchange.getRequestURI().getPath(), headers, new String(body, StandardCharsets.UTF_8)));
			Integer status = this.script.poll();
			if (status != null && status == HANG) {
				try {
					this.released.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
				return;
			}
			int answer = (status != null) ? status : 200;
			byte[] reply = ("{\"received\": " + answer + "}").getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer, reply.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(reply);
			}
		});
		this.server.start();
		this.port = this.server.getAddress().getPort();
	}

	static Receiver start() throws IOException {
		return new Receiver(0);
	}

	/**
	 * Starts a receiver on a port that was in use before, as a receiver coming back.
	 */
	static Receiver startOn(int port) throws IOException {
		return new Receiver(port);
	}

	Receiver answer(Integer... statuses) {
		this.script.addAll(List.of(statuses));
		return this;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	int port() {
		return this.port;
	}

	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	/**
	 * Waits until the recorded requests satisfy the condition, and answers them.
	 */
	List<Request> awaitRequests(Predicate<List<Request>> condition, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		while (!condition.test(requests()) && System.nanoTime() < deadline) {
			sleep(50);
		}
		return requests();
	}

	void release() {
		this.released.countDown();
	}

	@Override
	public void close() {
		release();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Request(String path, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name);
		}

	}

}

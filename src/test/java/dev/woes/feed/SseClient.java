package dev.woes.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client as a browser's EventSource would be: it reads the stream
 * line by line on a thread of its own and hands on each event (its id: and data: lines)
 * and each comment.
 */
final class SseClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * One thing the server sent: an event ({@code id} and {@code data}) or a comment.
	 */
	record Received(String id, String data, String comment) {

		JsonNode json() {
			return JSON.readTree(this.data);
		}

		boolean isEvent() {
			return this.data != null;
		}

	}

	private static final Received END = new Received(null, null, null);

	private final HttpResponse<InputStream> response;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private volatile boolean ended;

	private SseClient(HttpResponse<InputStream> response) {
		this.response = response;
	}

	static SseClient open(int port, String key, String path, Map<String, String> headers) {
		SseClient client = openWithoutReading(port, key, path, headers);
		if (client.status() == 200) {
			client.startReading();
		}
		return client;
	}

	/**
	 * Opens the stream but reads nothing past the headers until {@link #startReading()}:
	 * a client that stopped reading.
	 */
	static SseClient openWithoutReading(int port, String key, String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + key)
			.header("Accept", "text/event-stream");
		headers.forEach(request::header);
		try {
			HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			return new SseClient(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void startReading() {
		Thread.ofVirtual().start(this::read);
	}

	int status() {
		return this.response.statusCode();
	}

	String header(String name) {
		return this.response.headers().firstValue(name).orElse(null);
	}

	/**
	 * The body of a refused request.
	 */
	JsonNode error() throws IOException {
		try (InputStream body = this.response.body()) {
			return JSON.readTree(body.readAllBytes());
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
			String id = null;
			StringBuilder data = null;
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						this.received.add(new Received(id, data.toString(), null));
					}
					id = null;
					data = null;
				}
				else if (line.startsWith(":")) {
					this.received.add(new Received(null, null, line.substring(1).strip()));
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("data:")) {
					data = (data == null) ? new StringBuilder() : data.append('\n');
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (IOException ex) {
			// closed by this client
		}
		finally {
			this.ended = true;
			this.received.add(END);
		}
	}

	/**
	 * The next event, skipping comments, or {@code null} when none came in time or the
	 * stream ended.
	 */
	Received nextEvent(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Received next = this.received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (next == null || next == END) {
				if (next == END) {
					this.received.add(END);
				}
				return null;
			}
			if (next.isEvent()) {
				return next;
			}
		}
	}

	/**
	 * The next {@code count} events; fails when they do not all come in time.
	 */
	List<Received> events(int count, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		List<Received> events = new ArrayList<>();
		while (events.size() < count) {
			Received next = nextEvent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
			if (next == null) {
				throw new AssertionError("Expected " + count + " events, got " + events.size() + ": " + events);
			}
			events.add(next);
		}
		return events;
	}

	/**
	 * The next comment, skipping events, or {@code null} when none came in time.
	 */
	String nextComment(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (true) {
			Received next = this.received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (next == null || next == END) {
				if (next == END) {
					this.received.add(END);
				}
				return null;
			}
			if (next.comment() != null) {
				return next.comment();
			}
		}
	}

	/**
	 * Whether the server ended the stream within the time.
	 */
	boolean endsWithin(Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (!this.ended && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return this.ended;
	}

	/**
	 * Everything received so far that is an event, without waiting.
	 */
	List<Received> drainEvents() {
		List<Received> all = new ArrayList<>();
		this.received.drainTo(all);
		if (all.contains(END)) {
			this.received.add(END);
		}
		return all.stream().filter((item) -> item != END && item.isEvent()).toList();
	}

	@Override
	public void close() {
		try {
			this.response.body().close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}

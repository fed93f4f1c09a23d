package dev.woes.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The webhook endpoint of the crash test, on 127.0.0.1: counts every request per
 * {@code Woes-Event-Id} and answers 200, after {@link #slowDown(long) a delay} while the
 * test wants requests in flight for a kill to cut off.
 *
 * <p>
 * An event counts as delivered only by an answer given before the server that sent it was
 * killed: {@link #interruptInFlight()}, called once the server is dead, marks every
 * request not yet answered, and those do not count. Their events must arrive again
 * (redelivery after the lease) for the test to pass.
 */
final class HookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	private final Set<String> delivered = ConcurrentHashMap.newKeySet();

	private final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();

	private final Set<String> interruptedEvents = ConcurrentHashMap.newKeySet();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong interrupted = new AtomicLong();

	private volatile long delayMillis;

	HookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			try (InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
			}
			String eventId = exchange.getRequestHeaders().getFirst("Woes-Event-Id");
			if (eventId == null) {
				exchange.sendResponseHeaders(400, -1);
				return;
			}
			this.requests.incrementAndGet();
			this.received.computeIfAbsent(eventId, (id) -> new AtomicInteger()).incrementAndGet();
			Attempt attempt = new Attempt(eventId);
			this.inFlight.add(attempt);
			try {
				long delay = this.delayMillis;
				if (delay > 0) {
					Thread.sleep(delay);
				}
				if (attempt.answer()) {
					this.delivered.add(eventId);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				this.inFlight.remove(attempt);
			}
			byte[] reply = "{\"received\": true}".getBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, reply.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(reply);
			}
		}
		catch (IOException ex) {
			// The server that sent the request was killed: nobody reads the answer.
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/crash";
	}

	/**
	 * Holds every request this long before answering (0: answer at once).
	 */
	void slowDown(long millis) {
		this.delayMillis = millis;
	}

	int inFlight() {
		return this.inFlight.size();
	}

	/**
	 * Marks every request not yet answered as interrupted: call it after the server that
	 * sent them is dead, so none of them was answered to it.
	 * @return how many were cut off
	 */
	int interruptInFlight() {
		int count = 0;
		for (Attempt attempt : this.inFlight) {
			if (attempt.interrupt()) {
				count++;
				this.interruptedEvents.add(attempt.eventId);
			}
		}
		this.interrupted.addAndGet(count);
		return count;
	}

	/**
	 * Event ids answered at least once to a live server.
	 */
	Set<String> delivered() {
		return Set.copyOf(this.delivered);
	}

	/**
	 * Event ids of every request received, answered or not.
	 */
	Set<String> received() {
		return Set.copyOf(this.received.keySet());
	}

	int requestsFor(String eventId) {
		AtomicInteger count = this.received.get(eventId);
		return (count != null) ? count.get() : 0;
	}

	long requests() {
		return this.requests.get();
	}

	long interrupted() {
		return this.interrupted.get();
	}

	Set<String> interruptedEvents() {
		return Set.copyOf(this.interruptedEvents);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	/**
	 * One request: answered or interrupted, whichever comes first.
	 */
	private static final class Attempt {

		private final String eventId;

		private boolean answered;

		private boolean interrupted;

		Attempt(String eventId) {
			this.eventId = eventId;
		}

		synchronized boolean answer() {
			if (this.interrupted) {
				return false;
			}
			this.answered = true;
			return true;
		}

		synchronized boolean interrupt() {
			if (this.answered) {
				return false;
			}
			this.interrupted = true;
			return true;
		}

	}

}

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency from commit to client of the real-time stream: opens STREAMS event streams
 * spread evenly over the workspaces whose keys are given, then posts messages through the
 * API at RATE per second for SECONDS and, for every message, notes when its POST was
 * sent and when its 201 came back (the commit lies between the two). Every stream of the
 * message's workspace should receive its event; the latency of a delivery is its arrival
 * time minus the 201's. Prints p50, p90, p99 and max over all deliveries, and what was
 * lost. One JVM, one clock (System.nanoTime), 127.0.0.1 only.
 *
 * java SseLatency.java BASE_URL KEYS_FILE STREAMS RATE SECONDS
 */
public class SseLatency {

	private static final Pattern BODY = Pattern.compile("\"body\":\\s*\"lat (\\d+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		List<String> keys = Files.readAllLines(Path.of(args[1])).stream().filter((k) -> !k.isBlank()).toList();
		int streams = Integer.parseInt(args[2]);
		int rate = Integer.parseInt(args[3]);
		int seconds = Integer.parseInt(args[4]);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

		// One conversation per workspace to post into.
		List<String> conversations = new ArrayList<>();
		for (String key : keys) {
			HttpResponse<String> created = http.send(json(base + "/api/v1/conversations", key,
					"{\"subject\": \"Latency\", \"customer\": {\"id\": \"bench\"}}"), HttpResponse.BodyHandlers.ofString());
			Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(created.body());
			if (created.statusCode() != 201 || !id.find()) {
				throw new IllegalStateException("could not open a conversation: " + created.body());
			}
			conversations.add(id.group(1));
		}

		int messages = rate * seconds;
		long[] acked = new long[messages];
		long[] sent = new long[messages];
		Arrays.fill(acked, Long.MIN_VALUE);
		int[] workspaceOf = new int[messages];
		AtomicInteger[] arrivals = new AtomicInteger[messages];
		int perWorkspace = streams / keys.size();
		for (int m = 0; m < messages; m++) {
			workspaceOf[m] = m % keys.size();
			arrivals[m] = new AtomicInteger();
		}
		long[][] arrivalTimes = new long[messages][perWorkspace + 1];

		// Open the streams and wait until every one has its headers.
		CountDownLatch open = new CountDownLatch(streams);
		java.util.concurrent.Semaphore opening = new java.util.concurrent.Semaphore(50);
		AtomicLong dropped = new AtomicLong();
		java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
		Map<Integer, InputStream> bodies = new ConcurrentHashMap<>();
		for (int s = 0; s < streams; s++) {
			int stream = s;
			String key = keys.get(s % keys.size());
			Thread.ofVirtual().start(() -> {
				try {
					HttpResponse<InputStream> response = null;
					// At most 50 connecting at once, and a second try: a burst of 1,000
					// connects overflows the server's accept queue on a busy machine.
					for (int attempt = 1; response == null; attempt++) {
						opening.acquire();
						try {
							response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream?types=conversation.message.created"))
								.header("Authorization", "Bearer " + key)
								.build(), HttpResponse.BodyHandlers.ofInputStream());
						}
						catch (java.io.IOException ex) {
							if (attempt == 3) {
								throw ex;
							}
						}
						finally {
							opening.release();
						}
					}
					if (response.statusCode() != 200) {
						throw new IllegalStateException("stream answered " + response.statusCode());
					}
					bodies.put(stream, response.body());
					open.countDown();
					try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
						String line;
						while ((line = lines.readLine()) != null) {
							if (line.startsWith("data:")) {
								long now = System.nanoTime();
								Matcher body = BODY.matcher(line);
								if (body.find()) {
									int m = Integer.parseInt(body.group(1));
									int slot = arrivals[m].getAndIncrement();
									if (slot < arrivalTimes[m].length) {
										arrivalTimes[m][slot] = now;
									}
								}
							}
						}
					}
					dropped.incrementAndGet();
				}
				catch (Exception ex) {
					if (!closing.get()) {
						System.err.println("stream " + stream + ": " + ex);
					}
				}
			});
		}
		if (!open.await(60, java.util.concurrent.TimeUnit.SECONDS)) {
			throw new IllegalStateException("only " + (streams - open.getCount()) + " streams opened");
		}
		Thread.sleep(1000);

		// Post at a steady rate, each POST on its own virtual thread.
		long start = System.nanoTime();
		long interval = 1_000_000_000L / rate;
		CountDownLatch posted = new CountDownLatch(messages);
		for (int m = 0; m < messages; m++) {
			long due = start + m * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				Thread.sleep(Duration.ofNanos(wait));
			}
			int message = m;
			Thread.ofVirtual().start(() -> {
				try {
					int w = workspaceOf[message];
					sent[message] = System.nanoTime();
					HttpResponse<String> reply = http.send(json(base + "/api/v1/conversations/" + conversations.get(w) + "/messages",
							keys.get(w), "{\"body\": \"lat " + message + "\"}"), HttpResponse.BodyHandlers.ofString());
					if (reply.statusCode() == 201) {
						acked[message] = System.nanoTime();
					}
				}
				catch (Exception ex) {
					System.err.println("post " + message + ": " + ex);
				}
				finally {
					posted.countDown();
				}
			});
		}
		posted.await();
		// Wait until deliveries stop coming (8 s without one), at most 30 s.
		long quietSince = System.nanoTime();
		long deadline = System.nanoTime() + 30_000_000_000L;
		long seen = -1;
		while (System.nanoTime() < deadline && System.nanoTime() - quietSince < 8_000_000_000L) {
			long now = Arrays.stream(arrivals).mapToLong(AtomicInteger::get).sum();
			if (now != seen) {
				seen = now;
				quietSince = System.nanoTime();
			}
			Thread.sleep(100);
		}
		closing.set(true);
		bodies.values().forEach((body) -> {
			try {
				body.close();
			}
			catch (Exception ex) {
				// closing
			}
		});

		List<Long> fromAck = new ArrayList<>();
		List<Long> fromSend = new ArrayList<>();
		List<Long> postTimes = new ArrayList<>();
		long expected = 0;
		long failedPosts = 0;
		List<String> short_ = new ArrayList<>();
		for (int m = 0; m < messages; m++) {
			if (acked[m] == Long.MIN_VALUE) {
				failedPosts++;
				continue;
			}
			postTimes.add(acked[m] - sent[m]);
			int workspaceStreams = streams / keys.size() + ((workspaceOf[m] < streams % keys.size()) ? 1 : 0);
			expected += workspaceStreams;
			int got = Math.min(arrivals[m].get(), arrivalTimes[m].length);
			if (got < workspaceStreams && short_.size() < 10) {
				short_.add("message " + m + " (workspace " + workspaceOf[m] + "): " + got + " of " + workspaceStreams);
			}
			for (int i = 0; i < got; i++) {
				fromAck.add(Math.max(0, arrivalTimes[m][i] - acked[m]));
				fromSend.add(arrivalTimes[m][i] - sent[m]);
			}
		}
		System.out.printf("streams %d over %d workspaces, %d messages at %d/s for %d s (%d failed posts)%n", streams,
				keys.size(), messages, rate, seconds, failedPosts);
		System.out.printf("deliveries %d of %d expected, streams ended by the server %d%n", fromAck.size(), expected,
				dropped.get());
		short_.forEach((line) -> System.out.println("  short: " + line));
		if (!short_.isEmpty()) {
			// Is a message that some stream missed in the feed? Tells "not streamed" from
			// "not written".
			for (int w = 0; w < keys.size(); w++) {
				StringBuilder feed = new StringBuilder();
				String after = null;
				while (true) {
					String url = base + "/api/v1/events?types=conversation.message.created&limit=1000"
							+ ((after != null) ? "&startingAfter=" + after : "");
					String page = http.send(HttpRequest.newBuilder(URI.create(url))
						.header("Authorization", "Bearer " + keys.get(w))
						.build(), HttpResponse.BodyHandlers.ofString()).body();
					feed.append(page);
					Matcher ids = Pattern.compile("\\{\"object\":\"event\",\"id\":\"([0-9a-f-]{36})\"").matcher(page);
					String last = null;
					while (ids.find()) {
						last = ids.group(1);
					}
					if (!page.contains("\"hasMore\":true") || last == null) {
						break;
					}
					after = last;
				}
				Matcher found = BODY.matcher(feed);
				int inFeed = 0;
				while (found.find()) {
					inFeed++;
				}
				System.out.printf("  workspace %d: %d message events in the feed%n", w, inFeed);
			}
		}
		report("POST round trip", postTimes);
		report("commit acknowledged -> event at client", fromAck);
		report("POST sent -> event at client", fromSend);
	}

	private static void report(String what, List<Long> nanos) {
		if (nanos.isEmpty()) {
			System.out.printf("%-40s no samples%n", what);
			return;
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%-40s p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (n=%d)%n", what,
				ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6, sorted.length);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	private static HttpRequest json(String url, String key, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A fast webhook receiver for bench/webhooks.sh: answers every POST with 204 at once and
 * counts them; GET /count answers the count. Run as a single source file:
 * java bench/receiver/WebhookReceiver.java PORT
 */
public class WebhookReceiver {

	public static void main(String[] args) throws IOException {
		AtomicLong received = new AtomicLong();
		HttpServer server = HttpServer.create(
				new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/", (exchange) -> {
			try (InputStream in = exchange.getRequestBody()) {
				in.transferTo(OutputStream.nullOutputStream());
			}
			if (exchange.getRequestMethod().equals("POST")) {
				received.incrementAndGet();
				exchange.sendResponseHeaders(204, -1);
			}
			else {
				byte[] count = Long.toString(received.get()).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, count.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(count);
				}
			}
			exchange.close();
		});
		server.start();
	}

}

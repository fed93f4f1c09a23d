package dev.woes.feed.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import dev.woes.event.StoredEvent;
import dev.woes.feed.EventStreams;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes Server-Sent Events: each event as an {@code id:} line (the event id, which a
 * reconnecting client sends back as {@code Last-Event-ID}) and one {@code data:} line
 * holding the event object; a heartbeat is a comment line.
 */
final class SseWriter implements EventStreams.Writer {

	/**
	 * Milliseconds a client waits before reconnecting, sent once per stream.
	 */
	private static final int RECONNECT_MILLIS = 1000;

	private final HttpServletResponse response;

	private final JsonMapper json;

	private OutputStream out;

	SseWriter(HttpServletResponse response, JsonMapper json) {
		this.response = response;
		this.json = json;
	}

	@Override
	public void open() throws IOException {
		this.response.setStatus(HttpServletResponse.SC_OK);
		this.response.setContentType("text/event-stream;charset=UTF-8");
		this.response.setHeader("Cache-Control", "no-store");
		this.response.setHeader("X-Accel-Buffering", "no");
		this.out = this.response.getOutputStream();
		write("retry: " + RECONNECT_MILLIS + "\n\n");
	}

	@Override
	public byte[] encode(StoredEvent event) {
		return ("id: " + event.id() + "\ndata: " + this.json.writeValueAsString(EventJson.of(event)) + "\n\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void write(byte[] frame) throws IOException {
		this.out.write(frame);
		this.out.flush();
	}

	@Override
	public void heartbeat() throws IOException {
		write(": heartbeat\n\n");
	}

	private void write(String text) throws IOException {
		write(text.getBytes(StandardCharsets.UTF_8));
	}

}

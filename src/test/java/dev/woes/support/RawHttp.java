package dev.woes.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client that writes HTTP by hand, for what well-behaved clients never do: announce a
 * huge body, stream one in chunks, or send a request a byte at a time.
 */
public final class RawHttp implements AutoCloseable {

	private final Socket socket;

	private final OutputStream out;

	private final InputStream in;

	private RawHttp(Socket socket) throws IOException {
		this.socket = socket;
		this.out = socket.getOutputStream();
		this.in = socket.getInputStream();
	}

	public static RawHttp connect(int port, Duration readTimeout) {
		try {
			Socket socket = new Socket();
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout((int) readTimeout.toMillis());
			return new RawHttp(socket);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends the bytes; answers false if the server already closed the connection.
	 */
	public boolean send(byte[] bytes) {
		try {
			this.out.write(bytes);
			this.out.flush();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public boolean send(String text) {
		return send(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Everything the server sends until it closes the connection or the read timeout
	 * passes, as text.
	 */
	public String receiveUntilClosed() {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int count;
			while ((count = this.in.read(buffer)) >= 0) {
				received.write(buffer, 0, count);
			}
		}
		catch (SocketTimeoutException ex) {
			received.writeBytes("\n<still open>".getBytes(StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			// Reset by the server: the connection is closed.
		}
		return received.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Reads a response's head and body as far as the first blank line plus what is
	 * already there; enough to check a status line and a short JSON body.
	 */
	public String receiveSome() {
		byte[] buffer = new byte[65536];
		try {
			int count = this.in.read(buffer);
			return (count < 0) ? "" : new String(buffer, 0, count, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// Already gone.
		}
	}

}

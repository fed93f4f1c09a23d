package dev.woes.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What an operator would read on the console while it is captured: everything written to
 * standard output, log lines included. Closing it restores standard output and passes the
 * captured text on to it, so the test's own log stays complete.
 */
public final class ConsoleCapture implements AutoCloseable {

	private final PrintStream original;

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	private ConsoleCapture() {
		this.original = System.out;
		System.setOut(new PrintStream(this.captured, true, StandardCharsets.UTF_8));
	}

	public static ConsoleCapture start() {
		return new ConsoleCapture();
	}

	public String output() {
		System.out.flush();
		return this.captured.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		String output = output();
		System.setOut(this.original);
		this.original.print(output);
		this.original.flush();
	}

}

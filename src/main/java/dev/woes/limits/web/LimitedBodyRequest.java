package dev.woes.limits.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.woes.shared.PayloadTooLarge;
import dev.woes.shared.RequestBodyTimeout;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body may not grow past a size or take longer than a time to arrive,
 * whether it is sent with a {@code Content-Length} or in chunks. Reading past either
 * bound fails at once, without reading the rest.
 */
class LimitedBodyRequest extends HttpServletRequestWrapper {

	private final long maxBytes;

	private final Duration timeout;

	private final long deadline;

	private ServletInputStream stream;

	LimitedBodyRequest(HttpServletRequest request, long maxBytes, Duration timeout) {
		super(request);
		this.maxBytes = maxBytes;
		this.timeout = timeout;
		this.deadline = System.nanoTime() + timeout.toNanos();
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new Limited(super.getInputStream());
		}
		return this.stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private final class Limited extends ServletInputStream {

		private final ServletInputStream body;

		private long read;

		Limited(ServletInputStream body) {
			this.body = body;
		}

		@Override
		public int read() throws IOException {
			checkTime();
			int next = this.body.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			checkTime();
			int count = this.body.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void checkTime() throws RequestBodyTimeout {
			if (System.nanoTime() - LimitedBodyRequest.this.deadline > 0) {
				throw new RequestBodyTimeout(LimitedBodyRequest.this.timeout);
			}
		}

		private void count(int bytes) throws IOException {
			this.read += bytes;
			if (this.read > LimitedBodyRequest.this.maxBytes) {
				throw new PayloadTooLarge(LimitedBodyRequest.this.maxBytes);
			}
			checkTime();
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}

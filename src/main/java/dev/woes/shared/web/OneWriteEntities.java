package dev.woes.shared.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.HttpEntityMethodProcessor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Lets an answer given as a {@code ResponseEntity} leave in one write. Spring's own
 * handler of those flushes the response after writing the body (so that the headers go
 * out even when there is none), which commits it with chunked encoding: the body and the
 * closing chunk then leave as two writes, and the client reads two packets. Without that
 * flush Tomcat sends the response when it ends, with a {@code Content-Length}, in one
 * write; a body larger than the response buffer still goes out as the buffer fills.
 * Streamed bodies (emitters, server-sent events, {@code StreamingResponseBody}) keep
 * their flushes.
 */
final class OneWriteEntities implements HandlerMethodReturnValueHandler {

	private final HandlerMethodReturnValueHandler entities;

	/**
	 * @param entities a handler of Spring's for {@code HttpEntity} or
	 * {@code ResponseEntity} return values
	 */
	OneWriteEntities(HandlerMethodReturnValueHandler entities) {
		this.entities = entities;
	}

	/**
	 * The handlers given, with Spring's handlers of entities wrapped.
	 */
	static List<HandlerMethodReturnValueHandler> around(List<HandlerMethodReturnValueHandler> handlers) {
		List<HandlerMethodReturnValueHandler> wrapped = new ArrayList<>(handlers.size());
		for (HandlerMethodReturnValueHandler handler : handlers) {
			boolean entities = handler instanceof HttpEntityMethodProcessor
					|| handler instanceof ResponseEntityReturnValueHandler;
			wrapped.add(entities ? new OneWriteEntities(handler) : handler);
		}
		return wrapped;
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return this.entities.supportsReturnType(returnType);
	}

	@Override
	public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		HttpServletResponse response = webRequest.getNativeResponse(HttpServletResponse.class);
		if (request == null || response == null || !(returnValue instanceof HttpEntity<?> entity)
				|| entity.getBody() instanceof ResponseBodyEmitter
				|| entity.getBody() instanceof StreamingResponseBody) {
			this.entities.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
			return;
		}
		this.entities.handleReturnValue(returnValue, returnType, mavContainer,
				new ServletWebRequest(request, new Unflushed(response)));
	}

	/**
	 * A response whose explicit flush waits for its end.
	 */
	private static final class Unflushed extends HttpServletResponseWrapper {

		Unflushed(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void flushBuffer() {
			// Sent, with its length, when the response ends.
		}

	}

}

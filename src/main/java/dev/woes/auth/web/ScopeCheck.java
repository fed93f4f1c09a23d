package dev.woes.auth.web;

import java.io.IOException;

import dev.woes.auth.Caller;
import dev.woes.auth.RequiresScope;
import dev.woes.shared.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a route to a key without the scope the route declares, before the request body
 * is read. A route that declares no scope is refused to everyone: forgetting is never an
 * opening.
 */
class ScopeCheck implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
		RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
		if (caller != null && required != null && caller.key().allows(required.value())) {
			return true;
		}
		String sentence = (required != null)
				? "This API key is missing the required scope: " + required.value().wireName() + "."
				: "This API key is missing the required scope.";
		ErrorResponse.write(response, HttpServletResponse.SC_FORBIDDEN, ErrorResponse.INSUFFICIENT_SCOPE, sentence);
		return false;
	}

}

package dev.woes.shared.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.woes.shared.InvalidRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses query parameters a route does not declare, so a typo such as
 * {@code ?staus=open} answers 400 instead of silently returning an unfiltered list.
 */
class StrictQueryParameters implements HandlerInterceptor {

	private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
			return true;
		}
		Set<String> allowed = this.declared.computeIfAbsent(method, StrictQueryParameters::declaredNames);
		for (String name : UriComponentsBuilder.fromUriString("?" + request.getQueryString())
			.build()
			.getQueryParams()
			.keySet()) {
			if (!allowed.contains(name)) {
				throw new InvalidRequest("Unknown query parameter: " + name + ".");
			}
		}
		return true;
	}

	private static Set<String> declaredNames(HandlerMethod method) {
		return Arrays.stream(method.getMethodParameters())
			.map((parameter) -> parameter.getParameterAnnotation(RequestParam.class))
			.filter((annotation) -> annotation != null)
			.map((annotation) -> annotation.name().isEmpty() ? annotation.value() : annotation.name())
			.collect(Collectors.toUnmodifiableSet());
	}

}

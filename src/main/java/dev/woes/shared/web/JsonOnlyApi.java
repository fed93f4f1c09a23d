package dev.woes.shared.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API speaks JSON only, whatever a client's {@code Accept} header asks for, so a
 * browser or a careless client gets the answer (or the JSON error) rather than an empty
 * 406.
 */
class JsonOnlyApi extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE
						: super.getHeader(name);
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
						? Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON_VALUE))
						: super.getHeaders(name);
			}

		}, response);
	}

}

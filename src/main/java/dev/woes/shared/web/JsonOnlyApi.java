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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API speaks JSON only, whatever a client's {@code Accept} header asks for, so a
 * browser or a careless client gets the answer (or the JSON error) rather than an empty
 * 406; and it reads only a body whose type is named, not a wildcard.
 */
class JsonOnlyApi extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public String getHeader(String name) {
				if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
					return getContentType();
				}
				return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE
						: super.getHeader(name);
			}

			@Override
			public String getContentType() {
				return concrete(super.getContentType());
			}

			@Override
			public Enumeration<String> getHeaders(String name) {
				if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
					String contentType = getContentType();
					return Collections
						.enumeration((contentType != null) ? java.util.List.of(contentType) : java.util.List.of());
				}
				return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
						? Collections.enumeration(java.util.List.of(MediaType.APPLICATION_JSON_VALUE))
						: super.getHeaders(name);
			}

		}, response);
	}

	/**
	 * A body's type with a wildcard ({@code * / *}, {@code application/*}) names no type
	 * at all; it is refused like any other type that is not JSON, instead of failing deep
	 * in the framework.
	 */
	static String concrete(String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return (type.isWildcardType() || type.isWildcardSubtype()) ? MediaType.APPLICATION_OCTET_STREAM_VALUE
					: contentType;
		}
		catch (InvalidMediaTypeException ex) {
			return contentType;
		}
	}

}

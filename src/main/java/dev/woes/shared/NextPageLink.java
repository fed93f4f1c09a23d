package dev.woes.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Builds the RFC 8288 {@code Link} header that points from one page of a list to the
 * next: the same request with {@code startingAfter} moved to the last item returned.
 */
public final class NextPageLink {

	public static final String HEADER = "Link";

	private NextPageLink() {
	}

	public static String after(HttpServletRequest request, String cursor) {
		String target = UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(request.getQueryString())
			.replaceQueryParam("startingAfter", cursor)
			.build(true)
			.toUriString();
		return "<" + target + ">; rel=\"next\"";
	}

}

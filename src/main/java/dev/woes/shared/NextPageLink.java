package dev.woes.shared;

import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
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

	/**
	 * Starts a 200 answer for a page, with the {@code Link} header when more follow its
	 * last item.
	 */
	public static <T> ResponseEntity.BodyBuilder ok(HttpServletRequest request, Page<T> page,
			Function<T, Object> cursor) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (page.hasMore()) {
			answer.header(HEADER, after(request, cursor.apply(page.last()).toString()));
		}
		return answer;
	}

}

package dev.woes.issue.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import dev.woes.issue.Tags;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Texts;
import dev.woes.shared.Uuids;

/**
 * Shape checks that Bean Validation does not express on these requests: tag lists, https
 * URLs, ids in bodies and query parameters.
 */
final class RequestChecks {

	static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

	private RequestChecks() {
	}

	/**
	 * At most {@value Tags#MAX} tags of 1-{@value Tags#MAX_LENGTH} characters; null stays
	 * null (not given).
	 */
	static List<String> tags(List<String> tags) {
		if (tags == null) {
			return null;
		}
		if (tags.size() > Tags.MAX) {
			throw new InvalidRequest("tags must have at most " + Tags.MAX + " items.");
		}
		for (int i = 0; i < tags.size(); i++) {
			String tag = tags.get(i);
			if (tag == null) {
				throw new InvalidRequest("tags[" + i + "] must be a string.");
			}
			if (!Texts.isStorable(tag)) {
				throw new InvalidRequest("tags[" + i + "] " + Texts.NOT_STORABLE + ".");
			}
			int length = tag.codePointCount(0, tag.length());
			if (length < 1 || length > Tags.MAX_LENGTH || tag.isBlank()) {
				throw new InvalidRequest("tags[" + i + "] must be 1-" + Tags.MAX_LENGTH + " non-blank characters.");
			}
		}
		return tags;
	}

	/**
	 * An absolute https URL with a host and no embedded credentials.
	 */
	static String httpsUrl(String url) {
		if (url == null) {
			return null;
		}
		try {
			URI parsed = new URI(url);
			if (parsed.getScheme() != null && parsed.getScheme().toLowerCase(Locale.ROOT).equals("https")
					&& parsed.getHost() != null && !parsed.getHost().isEmpty() && parsed.getRawUserInfo() == null) {
				return url;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new InvalidRequest("url must be an https URL with a host and without credentials.");
	}

	/**
	 * An email address to filter on: up to 320 characters, one {@code @} between two
	 * non-empty parts, no spaces.
	 */
	static String email(String parameter, String email) {
		if (email != null
				&& (email.length() > 320 || !Texts.isStorable(email) || !email.matches("[^@\\s]+@[^@\\s]+"))) {
			throw new InvalidRequest(parameter + " must be an email address of at most 320 characters.");
		}
		return email;
	}

	static java.util.UUID uuid(String parameter, String text, String what) {
		if (text == null) {
			return null;
		}
		return Uuids.parse(text).orElseThrow(() -> new InvalidRequest(parameter + " must be " + what + "."));
	}

}

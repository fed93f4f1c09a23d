package dev.woes.workspace;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The short, stable, URL-safe name of a workspace, such as {@code acme-support}.
 */
public record WorkspaceSlug(String value) {

	private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	public WorkspaceSlug {
		if (value == null || !VALID.matcher(value).matches()) {
			throw new IllegalArgumentException(
					"A workspace slug is 1-63 lowercase letters, digits and inner hyphens, got '" + value + "'");
		}
	}

	/**
	 * Derives a slug from a display name: "Acme Support" becomes {@code acme-support}.
	 */
	public static WorkspaceSlug fromName(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 63) {
			slug = slug.substring(0, 63).replaceAll("-+$", "");
		}
		return new WorkspaceSlug(slug);
	}

	@Override
	public String toString() {
		return this.value;
	}

}

package dev.woes.shared;

/**
 * What text the database can hold: PostgreSQL refuses the NUL character, and a lone
 * UTF-16 surrogate has no UTF-8 form, so such text is refused at the edge instead of
 * failing (or being silently altered) on its way to storage.
 */
public final class Texts {

	public static final String NOT_STORABLE = "must not contain NUL characters or unpaired surrogates";

	private Texts() {
	}

	public static boolean isStorable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

}

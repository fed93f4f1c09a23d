package dev.woes.conversation;

/**
 * The short text an inbox shows for a conversation: its latest customer-visible message
 * with runs of whitespace folded, cut to {@value #MAX_CHARACTERS} characters.
 */
public final class Preview {

	public static final int MAX_CHARACTERS = 160;

	private Preview() {
	}

	public static String of(String text) {
		String folded = text.strip().replaceAll("\\s+", " ");
		if (folded.codePointCount(0, folded.length()) <= MAX_CHARACTERS) {
			return folded;
		}
		return folded.substring(0, folded.offsetByCodePoints(0, MAX_CHARACTERS));
	}

}

package dev.woes.shared;

/**
 * Reads a list's {@code limit} query parameter: a whole number within the route's bounds.
 */
public final class ListLimit {

	private ListLimit() {
	}

	public static int parse(String parameter, String text, int defaultLimit, int max) {
		if (text == null) {
			return defaultLimit;
		}
		String problem = parameter + " must be an integer between 1 and " + max + ".";
		if (!text.matches("[0-9]{1,9}")) {
			throw new InvalidRequest(problem);
		}
		int limit = Integer.parseInt(text);
		if (limit < 1 || limit > max) {
			throw new InvalidRequest(problem);
		}
		return limit;
	}

}

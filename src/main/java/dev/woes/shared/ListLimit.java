package dev.woes.shared;

/**
 * A list's {@code limit}: reads the query parameter (a whole number within the route's
 * bounds) and writes the SQL that fetches a page.
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

	/**
	 * {@code LIMIT <rows>}, with the row count as a literal: with {@code LIMIT} as a
	 * parameter, PostgreSQL finds no generic plan as cheap as a custom one and plans the
	 * query again on every execution. A statement text per page size; each settles on a
	 * generic plan per connection. {@code rows} is a number the server computed, never
	 * the client's text.
	 */
	public static String sql(int rows) {
		return "LIMIT " + rows;
	}

}

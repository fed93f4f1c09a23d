package dev.woes.database;

import java.util.regex.Pattern;

/**
 * The database role system work runs as ({@code WOES_DATABASE_SYSTEM_ROLE}, by default
 * {@code woes_system}): it sees every workspace's rows, and the application's role, a
 * member of it, switches to it for one transaction at a time ({@link SystemAccess}). Its
 * name is a plain identifier, so that it can be written into SQL as it is.
 */
record SystemRole(String name) {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	SystemRole {
		if (name == null || !PLAIN_IDENTIFIER.matcher(name).matches()) {
			throw new InvalidSystemRole(name);
		}
	}

	/**
	 * The name as an SQL identifier.
	 */
	String identifier() {
		return quote(this.name, '"');
	}

	/**
	 * The name as an SQL string.
	 */
	String literal() {
		return quote(this.name, '\'');
	}

	/**
	 * {@code text} between two {@code quote}s, with each {@code quote} inside doubled.
	 */
	static String quote(String text, char quote) {
		String mark = String.valueOf(quote);
		return mark + text.replace(mark, mark + mark) + mark;
	}

}

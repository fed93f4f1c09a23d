package dev.woes.database;

/**
 * The PostgreSQL the application talks to, and how to reach it: the application's role
 * (owns nothing, subject to row-level security) and the role that runs the migrations
 * (owns the tables).
 */
public interface DatabaseServer extends AutoCloseable {

	String jdbcUrl();

	String username();

	String password();

	/**
	 * The role Flyway connects as; the owner of the tables.
	 */
	default String migrationUsername() {
		return username();
	}

	default String migrationPassword() {
		return password();
	}

	@Override
	default void close() {
	}

	/**
	 * A PostgreSQL run by someone else, named by its JDBC URL.
	 */
	record External(String jdbcUrl, String username, String password, String migrationUsername,
			String migrationPassword) implements DatabaseServer {

		public External(String jdbcUrl, String username, String password) {
			this(jdbcUrl, username, password, username, password);
		}

	}

}

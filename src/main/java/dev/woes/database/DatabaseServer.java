package dev.woes.database;

/**
 * The PostgreSQL the application talks to, and how to reach it.
 */
public interface DatabaseServer extends AutoCloseable {

	String jdbcUrl();

	String username();

	String password();

	@Override
	default void close() {
	}

	/**
	 * A PostgreSQL run by someone else, named by its JDBC URL.
	 */
	record External(String jdbcUrl, String username, String password) implements DatabaseServer {
	}

}

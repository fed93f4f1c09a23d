package dev.woes.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections that carry the current thread's {@link Access} in the
 * settings the row-level security policies read ({@code woes.workspace_id},
 * {@code woes.system}). A connection keeps its settings between checkouts, so the
 * settings are written (one statement, in autocommit, so no rollback can undo them) only
 * when a connection last served different access; a request to the workspace a connection
 * served last costs no extra round trip.
 */
final class RowSecurityDataSource extends DelegatingDataSource {

	private static final String APPLY = "SELECT set_config('woes.workspace_id', ?, false), set_config('woes.system', ?, false)";

	/**
	 * What each physical connection was last set to; a connection the pool has closed
	 * drops out.
	 */
	private final Map<Object, Access> applied = new WeakHashMap<>();

	private final Lock lock = new ReentrantLock();

	RowSecurityDataSource(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return withAccess(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return withAccess(obtainTargetDataSource().getConnection(username, password));
	}

	private Connection withAccess(Connection connection) throws SQLException {
		try {
			apply(connection, Access.current());
			return connection;
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	private void apply(Connection connection, Access wanted) throws SQLException {
		Object physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class)
				: connection;
		Access had = remove(physical);
		if (wanted.equals(had)) {
			remember(physical, had);
			return;
		}
		if (!connection.getAutoCommit()) {
			throw new IllegalStateException("The pool must hand out connections in autocommit mode.");
		}
		// Until this statement succeeds the connection's settings are unknown: it stays
		// out of the map, so a failure can never leave a stale entry behind.
		try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
			statement.setString(1, wanted.workspaceSetting());
			statement.setString(2, wanted.systemSetting());
			statement.execute();
		}
		remember(physical, wanted);
	}

	private Access remove(Object physical) {
		this.lock.lock();
		try {
			return this.applied.remove(physical);
		}
		finally {
			this.lock.unlock();
		}
	}

	private void remember(Object physical, Access access) {
		this.lock.lock();
		try {
			this.applied.put(physical, access);
		}
		finally {
			this.lock.unlock();
		}
	}

}

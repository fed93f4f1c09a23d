package dev.woes.database;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections that carry the current thread's {@link Access} into the
 * settings the row-level security policies go by: {@code woes.workspace_id}, and for
 * system work {@code role} (the {@link SystemRole}) or {@code woes.system}
 * ({@link SystemWork}).
 * <p>
 * The settings are transaction-local: every transaction (in autocommit, every statement)
 * sets them again, and they end with it, so a connection never carries one request's
 * workspace into the next, whatever happened to the transaction. They cost no round trip
 * of their own: a {@link ScopedConnection} sends them in front of the first statement of
 * each transaction, in the same message to the server.
 * <p>
 * Threads wait for a connection in a {@link ConnectionQueue}, in turn, and give their
 * place back when they close it.
 */
final class RowSecurityDataSource extends DelegatingDataSource {

	private final ConnectionQueue queue;

	private final SystemWork systemWork;

	RowSecurityDataSource(DataSource pool, ConnectionQueue queue, SystemRole systemRole) {
		super(pool);
		this.queue = queue;
		this.systemWork = new SystemWork(systemRole);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return queued(() -> obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return queued(() -> obtainTargetDataSource().getConnection(username, password));
	}

	/**
	 * A connection from the pool, taken with a place in the queue; the place goes back if
	 * the pool fails, and otherwise when the connection is closed.
	 */
	private Connection queued(Checkout checkout) throws SQLException {
		this.queue.enter();
		try {
			return scoped(checkout.connection());
		}
		catch (SQLException | RuntimeException ex) {
			this.queue.leave();
			throw ex;
		}
	}

	private Connection scoped(Connection connection) {
		return (Connection) Proxy.newProxyInstance(RowSecurityDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class },
				new ScopedConnection(connection, Access.current(), this.queue, this.systemWork));
	}

	@FunctionalInterface
	private interface Checkout {

		Connection connection() throws SQLException;

	}

}

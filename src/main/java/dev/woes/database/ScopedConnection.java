package dev.woes.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;

/**
 * A pooled connection that applies one {@link Access} to each transaction it runs (to
 * each statement, in autocommit). The first statement of a transaction is prepared with
 * the settings statement in front of it, {@code SELECT set_config(..., true), ...;
 * <statement>}, which the driver sends as two statements in one message: the settings
 * cost no round trip. Until that statement executes, its parameters and options are only
 * recorded, so a statement's text can still be chosen at execution.
 * <p>
 * The few calls that cannot take the prefix (batches, plain statements, statements that
 * return generated keys) get the settings from a statement of their own inside the
 * transaction; in autocommit, where that statement would end before them, they are
 * refused.
 * <p>
 * Writes queued with {@link AtCommit} wait for the transaction's commit, which sends them
 * and the {@code COMMIT} as one statement list, in one message.
 */
final class ScopedConnection implements InvocationHandler {

	static final String SETTINGS = "SELECT set_config('woes.workspace_id', ?, true), set_config('role', ?, true),"
			+ " set_config('woes.system', ?, true)";

	/**
	 * How many parameters {@link #SETTINGS} has: a prefixed statement's own parameters
	 * come after them.
	 */
	static final int SETTINGS_PARAMETERS = 3;

	private final Connection target;

	private final Access access;

	private final ConnectionQueue queue;

	private final SystemWork systemWork;

	/**
	 * Whether this connection gave its place in the queue back (on its first close).
	 */
	private boolean left;

	/**
	 * Whether the running transaction has its settings; always false in autocommit.
	 */
	private boolean settingsApplied;

	/**
	 * Writes queued for the running transaction's commit, in order.
	 */
	private final List<QueuedWrite> atCommit = new ArrayList<>();

	ScopedConnection(Connection target, Access access, ConnectionQueue queue, SystemWork systemWork) {
		this.target = target;
		this.access = access;
		this.queue = queue;
		this.systemWork = systemWork;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		int arity = (args != null) ? args.length : 0;
		if (name.equals("prepareStatement") && arity == 1) {
			return Proxy.newProxyInstance(ScopedConnection.class.getClassLoader(),
					new Class<?>[] { PreparedStatement.class }, new SettingsFirst((String) args[0], proxy));
		}
		if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
			applySettingsAlone();
		}
		if (name.equals("close")) {
			this.atCommit.clear();
			return close(method);
		}
		if (!this.atCommit.isEmpty()) {
			if (name.equals("commit") || (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]))) {
				commitWithWrites((Connection) proxy);
			}
			else if (name.equals("rollback") && arity == 0) {
				this.atCommit.clear();
			}
			else if (name.equals("rollback") || name.equals("setSavepoint")) {
				throw new SQLException("Writes queued at commit cannot be undone to a savepoint: they are not sent "
						+ "until the commit.");
			}
		}
		Object result = call(this.target, method, args);
		if (name.equals("commit") || name.equals("setAutoCommit") || (name.equals("rollback") && arity == 0)) {
			this.settingsApplied = false;
		}
		return result;
	}

	/**
	 * Holds a write for the running transaction's commit.
	 * @param sql one statement with {@code ?} parameters
	 * @param values its parameters' values, in order
	 */
	void queueAtCommit(String sql, Object[] values) {
		this.atCommit.add(new QueuedWrite(sql, values));
	}

	/**
	 * Sends the queued writes and {@code COMMIT} as one statement list, in one message
	 * (with the settings in front, through {@code proxy}, if no statement took them yet).
	 * The server skips whatever follows a failed statement in the list, so a failed write
	 * leaves the transaction aborted and the {@code COMMIT} unsent. Committed, the driver
	 * knows its connection idle, and its own {@code commit()} sends nothing.
	 */
	private void commitWithWrites(Connection proxy) throws SQLException {
		StringBuilder sql = new StringBuilder();
		List<Object> values = new ArrayList<>();
		for (QueuedWrite write : this.atCommit) {
			sql.append(write.sql()).append(";\n");
			values.addAll(Arrays.asList(write.values()));
		}
		sql.append("COMMIT");
		this.atCommit.clear();
		// The text is the queued statements' own, written in the server's code; every
		// value they carry stays a bound parameter.
		try (PreparedStatement statement = proxy.prepareStatement(sql.toString())) {
			new ArgumentPreparedStatementSetter(values.toArray()).setValues(statement);
			statement.execute();
		}
	}

	/**
	 * Returns the connection to the pool, then its place in the queue, once.
	 */
	private Object close(Method method) throws Throwable {
		try {
			return call(this.target, method, null);
		}
		finally {
			if (!this.left) {
				this.left = true;
				this.queue.leave();
			}
		}
	}

	private boolean needsSettings() throws SQLException {
		return !this.settingsApplied || this.target.getAutoCommit();
	}

	private void settingsSent() throws SQLException {
		this.settingsApplied = !this.target.getAutoCommit();
	}

	private void bindSettings(PreparedStatement statement) throws SQLException {
		SystemWork.Settings system = this.systemWork.settings(this.access, this.target);
		statement.setString(1, this.access.workspaceSetting());
		statement.setString(2, system.role());
		statement.setString(3, system.system());
	}

	/**
	 * Applies the settings with a statement of their own, for a call that cannot take
	 * them as a prefix.
	 */
	private void applySettingsAlone() throws SQLException {
		if (!needsSettings()) {
			return;
		}
		if (this.target.getAutoCommit()) {
			throw new SQLException("Under row-level security, batches, plain statements and statements returning "
					+ "generated keys need a transaction: in autocommit their workspace settings would not reach them.");
		}
		try (PreparedStatement settings = this.target.prepareStatement(SETTINGS)) {
			bindSettings(settings);
			settings.execute();
		}
		settingsSent();
	}

	private static Object call(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static boolean isParameterSetter(Method method) {
		return method.getDeclaringClass() == PreparedStatement.class && method.getName().startsWith("set")
				&& method.getParameterCount() >= 1 && method.getParameterTypes()[0] == int.class;
	}

	/**
	 * A prepared statement whose text is settled when it first executes: with the
	 * settings in front when its transaction still needs them, as written otherwise.
	 * Until then it records what is done to it and plays it back on the real statement,
	 * shifting parameter indexes past the settings' parameters when they are in front.
	 */
	private final class SettingsFirst implements InvocationHandler {

		private final String sql;

		private final Object connectionProxy;

		private final List<Recorded> recorded = new ArrayList<>();

		private PreparedStatement statement;

		private int shift;

		private boolean closed;

		SettingsFirst(String sql, Object connectionProxy) {
			this.sql = sql;
			this.connectionProxy = connectionProxy;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (isParameterSetter(method)) {
				return forward(method, shifted(args, this.shift));
			}
			switch (name) {
				case "executeQuery", "executeUpdate", "executeLargeUpdate", "execute" -> {
					if (args != null && args.length > 0) {
						throw new SQLException("A prepared statement executes its own text; " + name
								+ "(String) is not supported here.");
					}
					return execute(name);
				}
				case "addBatch", "executeBatch", "executeLargeBatch", "getParameterMetaData", "getMetaData", "unwrap",
						"isWrapperFor" -> {
					return call(settle(false), method, args);
				}
				case "getConnection" -> {
					return this.connectionProxy;
				}
				case "close" -> {
					this.closed = true;
					return (this.statement != null) ? call(this.statement, method, args) : null;
				}
				case "isClosed" -> {
					return (this.statement != null) ? call(this.statement, method, args) : this.closed;
				}
				case "getResultSet" -> {
					return (this.statement != null) ? call(this.statement, method, args) : null;
				}
				case "getUpdateCount" -> {
					return (this.statement != null) ? call(this.statement, method, args) : -1;
				}
				case "toString" -> {
					return "SettingsFirst[" + this.sql + "]";
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "equals" -> {
					return proxy == args[0];
				}
				default -> {
					if (name.startsWith("set") || name.equals("clearParameters") || name.equals("closeOnCompletion")) {
						return forward(method, args);
					}
					return call(settle(false), method, args);
				}
			}
		}

		private Object forward(Method method, Object[] args) throws Throwable {
			if (this.statement != null) {
				return call(this.statement, method, args);
			}
			this.recorded.add(new Recorded(method, (args != null) ? args.clone() : null));
			return null;
		}

		private Object execute(String name) throws Throwable {
			PreparedStatement real = settle(true);
			if (this.shift == 0) {
				return switch (name) {
					case "executeQuery" -> real.executeQuery();
					case "executeUpdate" -> real.executeUpdate();
					case "executeLargeUpdate" -> real.executeLargeUpdate();
					default -> real.execute();
				};
			}
			real.execute();
			boolean resultSet = real.getMoreResults();
			settingsSent();
			return switch (name) {
				case "executeQuery" -> {
					if (!resultSet) {
						throw new SQLException("The statement returned no result set.");
					}
					yield real.getResultSet();
				}
				case "executeUpdate", "executeLargeUpdate" -> {
					if (resultSet) {
						throw new SQLException("The statement returned a result set where none was expected.");
					}
					long count = real.getLargeUpdateCount();
					yield name.equals("executeUpdate") ? (Object) Math.toIntExact(count) : (Object) count;
				}
				default -> resultSet;
			};
		}

		/**
		 * The real statement, prepared on first need: with the settings in front when it
		 * executes first in a transaction that needs them, and {@code prefix} allows it;
		 * otherwise as written, after the settings have been applied alone if needed.
		 */
		private PreparedStatement settle(boolean prefix) throws Throwable {
			if (this.statement != null) {
				return this.statement;
			}
			if (this.closed) {
				throw new SQLException("The statement is closed.");
			}
			if (prefix && needsSettings()) {
				this.statement = ScopedConnection.this.target.prepareStatement(SETTINGS + ";\n" + this.sql);
				bindSettings(this.statement);
				this.shift = SETTINGS_PARAMETERS;
			}
			else {
				applySettingsAlone();
				this.statement = ScopedConnection.this.target.prepareStatement(this.sql);
			}
			for (Recorded call : this.recorded) {
				call(this.statement, call.method(),
						isParameterSetter(call.method()) ? shifted(call.args(), this.shift) : call.args());
			}
			this.recorded.clear();
			return this.statement;
		}

		private static Object[] shifted(Object[] args, int shift) {
			if (shift == 0) {
				return args;
			}
			Object[] moved = args.clone();
			moved[0] = (Integer) args[0] + shift;
			return moved;
		}

	}

	private record Recorded(Method method, Object[] args) {

	}

	private record QueuedWrite(String sql, Object[] values) {

	}

}

package dev.woes.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;

/**
 * A pooled connection that applies one {@link Access} to each transaction it runs (to
 * each statement, in autocommit). The first statement of a transaction is prepared with
 * the transaction's start and the settings statement in front of it, {@code BEGIN;
 * SELECT set_config(..., true), ...; <statement>}, which the driver sends as three
 * statements in one message: neither costs a round trip, nor a write of its own. Until
 * that statement executes, its parameters and options are only recorded, so a statement's
 * text can still be chosen at execution.
 * <p>
 * The transaction is this class's to run: the driver's connection stays in autocommit,
 * and {@code setAutoCommit(false)}, {@code commit()}, {@code rollback()} and
 * {@code setReadOnly} are answered here. Left to itself the driver sends its
 * {@code BEGIN} as a message of its own, flushed alone, which the database answers alone:
 * a write and a wake-up on each side, in every transaction. A transaction that sent
 * nothing commits without a word; one still open when the connection is closed is rolled
 * back before the connection goes back to the pool. Savepoints are not supported.
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
	 * The connection's autocommit as its callers see it; the driver's is always on.
	 */
	private boolean autoCommit = true;

	/**
	 * Whether transactions start read-only.
	 */
	private boolean readOnly;

	/**
	 * Whether the running transaction's {@code BEGIN} was sent.
	 */
	private boolean begun;

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
		switch (name) {
			case "close" -> {
				return close(method);
			}
			case "getAutoCommit" -> {
				return this.autoCommit;
			}
			case "setAutoCommit" -> {
				setAutoCommit((Connection) proxy, (Boolean) args[0]);
				return null;
			}
			case "commit" -> {
				commit((Connection) proxy);
				return null;
			}
			case "setSavepoint", "releaseSavepoint" -> {
				throw new SQLFeatureNotSupportedException("Savepoints are not supported.");
			}
			case "rollback" -> {
				if (arity > 0) {
					throw new SQLFeatureNotSupportedException("Savepoints are not supported.");
				}
				rollback();
				return null;
			}
			case "isReadOnly" -> {
				return this.readOnly;
			}
			case "setReadOnly" -> {
				this.readOnly = (Boolean) args[0];
				return null;
			}
			default -> {
				return call(this.target, method, args);
			}
		}
	}

	/**
	 * As JDBC has it: turning autocommit on commits the running transaction.
	 */
	private void setAutoCommit(Connection proxy, boolean on) throws SQLException {
		if (on == this.autoCommit) {
			return;
		}
		if (on) {
			try {
				commit(proxy);
			}
			finally {
				this.autoCommit = true;
			}
		}
		else {
			this.autoCommit = false;
			ended();
		}
	}

	/**
	 * Commits the running transaction: with the queued writes, if any (and its start and
	 * settings in front, if nothing was sent yet); with a {@code COMMIT} alone if only
	 * statements were sent; with nothing if nothing was.
	 */
	private void commit(Connection proxy) throws SQLException {
		if (this.autoCommit) {
			throw new SQLException("Cannot commit when autoCommit is enabled.");
		}
		if (!this.atCommit.isEmpty()) {
			commitWithWrites(proxy);
		}
		else if (this.begun) {
			run("COMMIT");
		}
		ended();
	}

	private void rollback() throws SQLException {
		if (this.autoCommit) {
			throw new SQLException("Cannot rollback when autoCommit is enabled.");
		}
		this.atCommit.clear();
		try {
			if (this.begun) {
				run("ROLLBACK");
			}
		}
		finally {
			ended();
		}
	}

	/**
	 * After a commit or a rollback: the next transaction starts afresh. A transaction
	 * whose commit failed stays begun, for the rollback that follows.
	 */
	private void ended() {
		this.begun = false;
		this.settingsApplied = false;
	}

	private void run(String sql) throws SQLException {
		try (PreparedStatement statement = this.target.prepareStatement(sql)) {
			statement.execute();
		}
	}

	/**
	 * The start of a transaction that has not started yet, to go in front of its first
	 * statement; empty otherwise. Counts the transaction as begun from here on: should
	 * the statement fail after its {@code BEGIN} ran, the rollback must end the
	 * transaction (a {@code ROLLBACK} with none running only draws a warning).
	 */
	private String transactionStart() {
		if (this.autoCommit || this.begun) {
			return "";
		}
		this.begun = true;
		return this.readOnly ? "BEGIN READ ONLY;\n" : "BEGIN;\n";
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
	 * (with the transaction's start and its settings in front, through {@code proxy}, if
	 * no statement was sent yet). The server skips whatever follows a failed statement in
	 * the list, so a failed write leaves the transaction aborted, and begun, for the
	 * rollback.
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
	 * Ends a transaction left open, returns the connection to the pool, then its place in
	 * the queue, once.
	 */
	private Object close(Method method) throws Throwable {
		this.atCommit.clear();
		try {
			if (this.begun) {
				rollbackLeftOpen();
			}
			return call(this.target, method, null);
		}
		finally {
			if (!this.left) {
				this.left = true;
				this.queue.leave();
			}
		}
	}

	/**
	 * The driver would roll back a transaction it had started when the pool takes the
	 * connection back; this one it does not know of.
	 */
	private void rollbackLeftOpen() {
		try {
			run("ROLLBACK");
		}
		catch (SQLException ex) {
			// A connection that cannot roll back is broken: the pool drops it.
		}
		finally {
			ended();
		}
	}

	private boolean needsSettings() {
		return !this.settingsApplied || this.autoCommit;
	}

	private void settingsSent() {
		this.settingsApplied = !this.autoCommit;
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
		if (this.autoCommit) {
			throw new SQLException("Under row-level security, batches, plain statements and statements returning "
					+ "generated keys need a transaction: in autocommit their workspace settings would not reach them.");
		}
		try (PreparedStatement settings = this.target.prepareStatement(transactionStart() + SETTINGS)) {
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

		/**
		 * How many statements go in front of this one's text: none, the settings, or the
		 * transaction's start and the settings.
		 */
		private int leading;

		private boolean closed;

		SettingsFirst(String sql, Object connectionProxy) {
			this.sql = sql;
			this.connectionProxy = connectionProxy;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			String name = method.getName();
			if (isParameterSetter(method)) {
				return forward(method, shifted(args, shift()));
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
			if (this.leading == 0) {
				return switch (name) {
					case "executeQuery" -> real.executeQuery();
					case "executeUpdate" -> real.executeUpdate();
					case "executeLargeUpdate" -> real.executeLargeUpdate();
					default -> real.execute();
				};
			}
			real.execute();
			boolean resultSet = false;
			for (int skipped = 0; skipped < this.leading; skipped++) {
				resultSet = real.getMoreResults();
			}
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
				String start = transactionStart();
				this.statement = ScopedConnection.this.target.prepareStatement(start + SETTINGS + ";\n" + this.sql);
				bindSettings(this.statement);
				this.leading = start.isEmpty() ? 1 : 2;
			}
			else {
				applySettingsAlone();
				this.statement = ScopedConnection.this.target.prepareStatement(this.sql);
			}
			for (Recorded call : this.recorded) {
				call(this.statement, call.method(),
						isParameterSetter(call.method()) ? shifted(call.args(), shift()) : call.args());
			}
			this.recorded.clear();
			return this.statement;
		}

		/**
		 * How far this statement's parameters move: past the settings', when they are in
		 * front.
		 */
		private int shift() {
			return (this.leading > 0) ? SETTINGS_PARAMETERS : 0;
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

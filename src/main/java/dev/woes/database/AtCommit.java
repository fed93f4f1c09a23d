package dev.woes.database;

import java.lang.reflect.Proxy;
import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ConcurrentLruCache;

/**
 * Writes that travel with their transaction's {@code COMMIT}: they are held until the
 * transaction commits and then go to the database in the same message as the
 * {@code COMMIT}, instead of taking a round trip each. An append-only insert that nothing
 * later in its transaction reads (a message's row, an event) costs no wait of its own.
 * <p>
 * A queued write runs after every statement its transaction executes directly, in the
 * order the writes were queued. It succeeds or fails with the commit: if it fails, the
 * commit fails and the whole transaction rolls back. So queue only writes that a caller
 * cannot make fail (the request was checked before), whose failure would be the server's
 * own error either way. A rollback drops the queued writes.
 * <p>
 * Parameters are named ({@code :name}) as with {@code JdbcClient}; a collection is not
 * expanded.
 */
@Component
public class AtCommit {

	/**
	 * Parsed statements by their text, as {@code JdbcClient} keeps them: the texts are
	 * the code's own, few, and queued on every write request.
	 */
	private final ConcurrentLruCache<String, ParsedSql> parsed = new ConcurrentLruCache<>(256,
			NamedParameterUtils::parseSqlStatement);

	private final DataSource dataSource;

	AtCommit(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Starts a write to queue in the current transaction.
	 * @param sql one statement with named parameters
	 */
	public Write sql(String sql) {
		return new Write(sql);
	}

	/**
	 * One write, queued by {@link #queue()}.
	 */
	public final class Write {

		private final String sql;

		private final MapSqlParameterSource parameters = new MapSqlParameterSource();

		private Write(String sql) {
			this.sql = sql;
		}

		public Write param(String name, Object value) {
			this.parameters.addValue(name, value);
			return this;
		}

		/**
		 * Queues the write on the current transaction's connection.
		 * @throws IllegalStateException without a transaction, where no commit would
		 * carry it
		 */
		public void queue() {
			if (!TransactionSynchronizationManager.isActualTransactionActive()) {
				throw new IllegalStateException("A write at commit needs a transaction to commit with.");
			}
			ParsedSql parsed = AtCommit.this.parsed.get(this.sql);
			String positional = NamedParameterUtils.substituteNamedParameters(parsed, this.parameters);
			Object[] values = NamedParameterUtils.buildValueArray(parsed, this.parameters, null);
			Connection connection = DataSourceUtils.getConnection(AtCommit.this.dataSource);
			if (!Proxy.isProxyClass(connection.getClass())
					|| !(Proxy.getInvocationHandler(connection) instanceof ScopedConnection scoped)) {
				throw new IllegalStateException("The transaction's connection is not one of the server's pool.");
			}
			scoped.queueAtCommit(positional, values);
		}

	}

}

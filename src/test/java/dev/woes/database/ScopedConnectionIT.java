package dev.woes.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.jdbc.PgConnection;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pool's connections carry the caller's workspace into each transaction, and no
 * further: the settings are sent in front of a transaction's first statement and end with
 * the transaction, whether it commits or rolls back.
 */
class ScopedConnectionIT extends ApiTest {

	private static final String WORKSPACE_SETTING = "SELECT current_setting('woes.workspace_id', true)";

	@Autowired
	private DataSource dataSource;

	@Test
	void everyAutocommitStatementRunsInTheWorkspaceAndTheConnectionKeepsNoneOfIt() throws Exception {
		UUID workspace = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(workspace).enter();
				Connection connection = this.dataSource.getConnection()) {
			assertThat(read(connection, WORKSPACE_SETTING)).isEqualTo(workspace.toString());
			assertThat(read(connection, WORKSPACE_SETTING)).as("the next statement too")
				.isEqualTo(workspace.toString());
			assertThat(readBypassing(connection)).as("the physical connection between statements").isEmpty();
		}
	}

	@Test
	void aTransactionKeepsItsWorkspaceToItsEndWhetherItCommitsOrRollsBack() throws Exception {
		UUID workspace = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(workspace).enter();
				Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			assertThat(read(connection, WORKSPACE_SETTING)).isEqualTo(workspace.toString());
			assertThat(read(connection, "SELECT current_user")).as("a workspace's work keeps the login role")
				.isEqualTo("woes_app");
			assertThat(read(connection, WORKSPACE_SETTING)).as("a later statement of the same transaction")
				.isEqualTo(workspace.toString());
			connection.commit();
			assertThat(readBypassing(connection)).as("after the commit").isEmpty();

			assertThatThrownBy(() -> read(connection, "SELECT 1 / 0")).isInstanceOf(SQLException.class);
			connection.rollback();
			assertThat(readBypassing(connection)).as("after a rollback").isEmpty();
			assertThat(read(connection, WORKSPACE_SETTING)).as("the next transaction").isEqualTo(workspace.toString());
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

	@Test
	void parametersAndUpdateCountsAreTheStatementsOwn() throws Exception {
		try (Access.Scope scope = Access.workspace(UUID.randomUUID()).enter();
				Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT CAST(? AS text) || '/' || CAST(? AS int) || '/' || CAST(? AS text)")) {
				statement.setString(1, "first");
				statement.setInt(2, 2);
				statement.setNull(3, java.sql.Types.VARCHAR);
				try (ResultSet row = statement.executeQuery()) {
					assertThat(row.next()).isTrue();
					assertThat(row.getString(1)).as("null makes the whole concatenation null").isNull();
				}
				statement.setString(3, "third");
				try (ResultSet row = statement.executeQuery()) {
					assertThat(row.next()).isTrue();
					assertThat(row.getString(1)).isEqualTo("first/2/third");
				}
			}
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE workspaces SET name = name WHERE workspace_id = ?")) {
				update.setObject(1, UUID.randomUUID());
				assertThat(update.executeUpdate()).isZero();
			}
		}
	}

	@Test
	void batchesRunInATransactionAndAreRefusedInAutocommit() throws Exception {
		UUID workspace = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(workspace).enter();
				Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement batch = connection.prepareStatement("SELECT set_config('woes.test', ?, false)")) {
				batch.setString(1, "a");
				assertThatThrownBy(batch::addBatch).isInstanceOf(SQLException.class)
					.hasMessageContaining("need a transaction");
			}
			connection.setAutoCommit(false);
			try (PreparedStatement batch = connection
				.prepareStatement("UPDATE workspaces SET name = name WHERE workspace_id = ?")) {
				batch.setObject(1, UUID.randomUUID());
				batch.addBatch();
				batch.setObject(1, UUID.randomUUID());
				batch.addBatch();
				assertThat(batch.executeBatch()).containsExactly(0, 0);
			}
			assertThat(read(connection, WORKSPACE_SETTING)).isEqualTo(workspace.toString());
			connection.rollback();
			connection.setAutoCommit(true);
		}
	}

	@Test
	void aTransactionStartsWithItsFirstStatementAndTheDriverStaysInAutocommit() throws Exception {
		try (Access.Scope scope = Access.workspace(UUID.randomUUID()).enter();
				Connection connection = this.dataSource.getConnection()) {
			PgConnection physical = connection.unwrap(PgConnection.class);
			connection.setAutoCommit(false);
			assertThat(connection.getAutoCommit()).isFalse();
			assertThat(physical.getAutoCommit()).as("the driver's own").isTrue();
			assertThat(physical.getTransactionState()).as("nothing sent yet").isEqualTo(TransactionState.IDLE);

			String started = read(connection, "SELECT CAST(now() AS text)");
			assertThat(physical.getTransactionState()).isEqualTo(TransactionState.OPEN);
			Thread.sleep(5);
			assertThat(read(connection, "SELECT CAST(now() AS text)")).as("the same transaction").isEqualTo(started);
			connection.commit();
			assertThat(physical.getTransactionState()).isEqualTo(TransactionState.IDLE);
			assertThat(read(connection, "SELECT CAST(now() AS text)")).as("the next one").isNotEqualTo(started);
			connection.commit();

			connection.setAutoCommit(true);
			assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class).hasMessageContaining("autoCommit");
			assertThatThrownBy(connection::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class);
		}
	}

	@Test
	void aReadOnlyTransactionRefusesWrites() throws Exception {
		try (Access.Scope scope = Access.workspace(UUID.randomUUID()).enter();
				Connection connection = this.dataSource.getConnection()) {
			connection.setReadOnly(true);
			connection.setAutoCommit(false);
			assertThat(connection.isReadOnly()).isTrue();
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE workspaces SET name = name WHERE workspace_id = ?")) {
				update.setObject(1, UUID.randomUUID());
				assertThatThrownBy(update::executeUpdate).isInstanceOf(SQLException.class)
					.hasFieldOrPropertyWithValue("SQLState", "25006");
			}
			connection.rollback();
			connection.setReadOnly(false);
			connection.setAutoCommit(true);
		}
	}

	@Test
	void aTransactionLeftOpenIsRolledBackWhenItsConnectionCloses() throws Exception {
		Tenant tenant = newTenant();
		UUID workspace = tenant.workspace().id().value();
		try (Access.Scope scope = Access.workspace(workspace).enter()) {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try (PreparedStatement rename = connection.prepareStatement(
						"UPDATE workspaces SET name = 'Renamed, never committed' WHERE workspace_id = ?")) {
					rename.setObject(1, workspace);
					assertThat(rename.executeUpdate()).isOne();
				}
				// closed without a commit or a rollback
			}
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement read = connection
						.prepareStatement("SELECT name FROM workspaces WHERE workspace_id = ?")) {
				read.setObject(1, workspace);
				try (ResultSet row = read.executeQuery()) {
					assertThat(row.next()).isTrue();
					assertThat(row.getString(1)).isNotEqualTo("Renamed, never committed");
				}
			}
		}
	}

	private static String read(Connection connection, String sql) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

	/**
	 * Reads the setting on the physical connection, past the settings this class adds.
	 */
	private static String readBypassing(Connection connection) throws SQLException {
		Connection physical = (Connection) connection.unwrap(PGConnection.class);
		try (Statement statement = physical.createStatement();
				ResultSet row = statement.executeQuery(WORKSPACE_SETTING)) {
			row.next();
			return (row.getString(1) != null) ? row.getString(1) : "";
		}
	}

}

package dev.woes.database;

import java.util.List;
import java.util.UUID;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes queued at commit reach the database with the commit, in the order they were
 * queued, after the transaction's own statements; they roll back with it, and one that
 * fails takes the whole transaction with it.
 */
class AtCommitIT extends ApiTest {

	private static final String INSERT = """
			INSERT INTO workspaces (workspace_id, slug, name, created_at)
			VALUES (:id, :slug, :name, now())
			""";

	@Autowired
	private AtCommit atCommit;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void queuedWritesWaitForTheCommitAndRunInTheirOrder() {
		UUID workspace = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(workspace).enter()) {
			transaction().executeWithoutResult((status) -> {
				insert(workspace, "First");
				this.atCommit.sql("UPDATE workspaces SET name = 'Second' WHERE workspace_id = :id")
					.param("id", workspace)
					.queue();
				assertThat(this.jdbc.sql("SELECT name FROM workspaces").query(String.class).list())
					.as("inside the transaction, before its commit")
					.isEmpty();
			});
		}
		assertThat(namesOf(workspace)).containsExactly("Second");
	}

	@Test
	void queuedWritesAloneInTheirTransactionRunInItsWorkspace() {
		UUID workspace = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(workspace).enter()) {
			transaction().executeWithoutResult((status) -> insert(workspace, "Mine"));
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> transaction().executeWithoutResult((status) -> insert(other, "Theirs")))
				.as("the row-level security policy refuses another workspace's row");
		}
		assertThat(namesOf(workspace)).containsExactly("Mine");
		assertThat(namesOf(other)).isEmpty();
	}

	@Test
	void aRollbackDropsTheQueuedWrites() {
		UUID workspace = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(workspace).enter()) {
			transaction().executeWithoutResult((status) -> {
				insert(workspace, "Dropped");
				status.setRollbackOnly();
			});
			transaction().executeWithoutResult((status) -> insert(workspace, "Kept"));
		}
		assertThat(namesOf(workspace)).containsExactly("Kept");
	}

	@Test
	void aFailingQueuedWriteFailsTheCommitAndUndoesTheWholeTransaction() {
		UUID workspace = UUID.randomUUID();
		UUID duplicate = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(duplicate).enter()) {
			transaction().executeWithoutResult((status) -> insert(duplicate, "Taken"));
		}
		try (Access.Scope scope = Access.SYSTEM.enter()) {
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> transaction().executeWithoutResult((status) -> {
					this.jdbc.sql(INSERT)
						.param("id", workspace)
						.param("slug", "direct-" + workspace)
						.param("name", "Direct")
						.update();
					insert(duplicate, "Again");
				}));
		}
		assertThat(namesOf(workspace)).as("the transaction's own statement rolled back too").isEmpty();
		try (Access.Scope scope = Access.workspace(workspace).enter()) {
			transaction().executeWithoutResult((status) -> insert(workspace, "Next"));
		}
		assertThat(namesOf(workspace)).as("the connection serves the next transaction").containsExactly("Next");
	}

	@Test
	void withoutATransactionNothingWouldCarryTheWrite() {
		UUID workspace = UUID.randomUUID();
		try (Access.Scope scope = Access.workspace(workspace).enter()) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> insert(workspace, "Lost"));
		}
		assertThat(namesOf(workspace)).isEmpty();
	}

	private void insert(UUID workspace, String name) {
		this.atCommit.sql(INSERT)
			.param("id", workspace)
			.param("slug", "at-commit-" + UUID.randomUUID())
			.param("name", name)
			.queue();
	}

	private List<String> namesOf(UUID workspace) {
		return SystemAccess.call(() -> this.jdbc.sql("SELECT name FROM workspaces WHERE workspace_id = :id")
			.param("id", workspace)
			.query(String.class)
			.list());
	}

	private TransactionTemplate transaction() {
		return new TransactionTemplate(this.transactions);
	}

}

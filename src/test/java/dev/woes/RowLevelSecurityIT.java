package dev.woes;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import dev.woes.database.WorkspaceContext;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second tenant wall: PostgreSQL's row-level security holds every table with a
 * {@code workspace_id} to the workspace of the request, even for a query that forgets its
 * own filter, and shows nothing to work that runs in no workspace at all.
 */
class RowLevelSecurityIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyTableWithAWorkspaceIdHasRowLevelSecurityEnabledForcedAndAPolicy() {
		List<String> tenantTables = this.jdbc.sql("""
				SELECT c.relname FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
				WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
				""").query(String.class).list();
		assertThat(tenantTables).contains("workspaces", "api_keys", "conversations", "messages", "events");

		List<String> unprotected = this.jdbc
			.sql("""
					SELECT c.relname || CASE WHEN NOT c.relrowsecurity THEN ': row level security is not enabled'
					                         WHEN NOT c.relforcerowsecurity THEN ': row level security is not forced'
					                         WHEN NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid
					                                            AND p.polname = 'workspace_wall')
					                           THEN ': no workspace_wall policy'
					                         ELSE ': no system_work policy for woes_system' END
					FROM pg_class c
					JOIN pg_namespace n ON n.oid = c.relnamespace
					JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
					WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
					  AND NOT (c.relrowsecurity AND c.relforcerowsecurity
					           AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'workspace_wall'
					                         AND p.polcmd = '*' AND p.polpermissive AND p.polroles = '{0}')
					           AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'system_work'
					                         AND p.polcmd = '*' AND p.polpermissive
					                         AND p.polroles = ARRAY[(SELECT oid FROM pg_roles WHERE rolname = 'woes_system')]))
					""")
			.query(String.class)
			.list();

		assertThat(unprotected)
			.as("Tables without the workspace wall: give a new table the policies of V93__system_work_as_a_role.sql "
					+ "in its own migration (ENABLE and FORCE ROW LEVEL SECURITY, CREATE POLICY workspace_wall, "
					+ "system_work and migrations)")
			.isEmpty();
	}

	@Test
	void theApplicationsRolesOwnNoTableAndCannotBypassRowLevelSecurity() {
		// This thread acts as system work: it logged in as the application's role and
		// switched to the system role for its transaction.
		String roles = this.jdbc.sql("SELECT session_user::text || ' as ' || current_user::text")
			.query(String.class)
			.single();
		List<String> privileged = this.jdbc.sql("""
				SELECT rolname FROM pg_roles
				WHERE rolname IN ('woes_app', 'woes_system')
				  AND (rolsuper OR rolbypassrls OR rolcreaterole OR (rolname = 'woes_app' AND rolinherit))
				""").query(String.class).list();
		List<String> owned = this.jdbc.sql("""
				SELECT c.relname FROM pg_class c
				WHERE c.relowner IN (SELECT oid FROM pg_roles WHERE rolname IN ('woes_app', 'woes_system'))
				""").query(String.class).list();
		String requestRole = onAnotherThread(() -> WorkspaceContext.call(UUID.randomUUID(),
				() -> this.jdbc.sql("SELECT current_user::text").query(String.class).single()));

		assertThat(roles).isEqualTo("woes_app as woes_system");
		assertThat(requestRole).isEqualTo("woes_app");
		assertThat(privileged).isEmpty();
		assertThat(owned).isEmpty();
	}

	@Test
	void theWorkspaceWallIsPartOfTheIndexConditionNotAFilterOnEveryRow() {
		UUID workspace = UUID.randomUUID();
		String plan = onAnotherThread(() -> WorkspaceContext.call(workspace,
				() -> String.join("\n",
						this.jdbc
							.sql("EXPLAIN (COSTS OFF) SELECT conversation_id FROM conversation_tags"
									+ " WHERE workspace_id = :workspace AND tag_id = :tag")
							.param("workspace", workspace)
							.param("tag", UUID.randomUUID())
							.query(String.class)
							.list())));

		// PostgreSQL checks the policy's equality once (a "One-Time Filter" against the
		// query's own workspace_id), never row by row ("Filter:" under a scan).
		assertThat(plan).contains("Index Cond");
		assertThat(plan.lines().map(String::strip)).as(plan).noneMatch((line) -> line.startsWith("Filter:"));
	}

	@Test
	void aQueryThatForgetsItsWorkspaceFilterSeesOnlyTheCurrentWorkspace() throws Exception {
		Tenant mine = newTenant();
		Tenant theirs = newTenant();
		String myConversation = openConversation(mine, "cus_1", "Mine");
		postMessage(mine, myConversation, "my words");
		String theirConversation = openConversation(theirs, "cus_2", "Theirs");
		postMessage(theirs, theirConversation, "their words");
		UUID myWorkspace = mine.workspace().id().value();

		// No WHERE workspace_id on purpose, each on a thread of its own, like a
		// request's.
		List<UUID> conversations = onAnotherThread(() -> WorkspaceContext.call(myWorkspace,
				() -> this.jdbc.sql("SELECT workspace_id FROM conversations").query(UUID.class).list()));
		List<String> messages = onAnotherThread(() -> WorkspaceContext.call(myWorkspace,
				() -> this.jdbc.sql("SELECT body FROM messages").query(String.class).list()));
		List<UUID> events = onAnotherThread(() -> WorkspaceContext.call(myWorkspace,
				() -> this.jdbc.sql("SELECT DISTINCT workspace_id FROM events").query(UUID.class).list()));
		List<UUID> keys = onAnotherThread(() -> WorkspaceContext.call(myWorkspace,
				() -> this.jdbc.sql("SELECT DISTINCT workspace_id FROM api_keys").query(UUID.class).list()));
		List<UUID> workspaces = onAnotherThread(() -> WorkspaceContext.call(myWorkspace,
				() -> this.jdbc.sql("SELECT workspace_id FROM workspaces").query(UUID.class).list()));
		int changed = onAnotherThread(() -> WorkspaceContext.call(myWorkspace,
				() -> this.jdbc.sql("UPDATE conversations SET subject = 'overwritten'").update()));

		assertThat(conversations).containsExactly(myWorkspace);
		assertThat(messages).containsExactly("my words");
		assertThat(events).containsExactly(myWorkspace);
		assertThat(keys).containsExactly(myWorkspace);
		assertThat(workspaces).containsExactly(myWorkspace);
		assertThat(changed).isEqualTo(1);
		assertThat(get(theirs.key(), "/api/v1/conversations/" + theirConversation).json()
			.at("/conversation/subject")
			.asString()).isEqualTo("Theirs");
	}

	@Test
	void aRowOfAnotherWorkspaceCannotBeWrittenFromAWorkspaceContext() {
		Tenant mine = newTenant();
		Tenant theirs = newTenant();
		UUID myWorkspace = mine.workspace().id().value();
		UUID theirWorkspace = theirs.workspace().id().value();

		assertThatThrownBy(() -> onAnotherThread(() -> WorkspaceContext.call(myWorkspace, () -> this.jdbc.sql("""
				INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, data)
				VALUES (:workspace, gen_random_uuid(), 'conversation.created', now(), 'system', '{}')
				""").param("workspace", theirWorkspace).update())))
			.hasRootCauseMessage("ERROR: new row violates row-level security policy for table \"events\"");
	}

	@Test
	void workWithoutAWorkspaceContextSeesNothing() throws Exception {
		Tenant tenant = newTenant();
		openConversation(tenant, "cus_1", "Somebody's");

		for (String table : List.of("workspaces", "api_keys", "conversations", "messages", "events")) {
			long rows = onAnotherThread(
					() -> this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
			assertThat(rows).as(table).isZero();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM conversations").query(Long.class).single())
			.as("the same query as system work")
			.isPositive();
		assertThatThrownBy(() -> onAnotherThread(() -> this.jdbc
			.sql("""
					INSERT INTO workspaces (workspace_id, slug, name, created_at) VALUES (gen_random_uuid(), 'x', 'x', now())
					""")
			.update())).isInstanceOf(DataAccessException.class);
	}

	/**
	 * Runs the work on a fresh thread: no context of this test's thread (which acts as
	 * the operator) comes along.
	 */
	private static <T> T onAnotherThread(Supplier<T> work) {
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			return CompletableFuture.supplyAsync(work, thread).join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
		finally {
			thread.shutdown();
		}
	}

}

package dev.woes;

import java.util.List;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the schema the migrations built and holds every table to the tenancy rule: a
 * {@code workspace_id NOT NULL} column, and every primary key, unique key and index
 * starting with it, so the data is ready to shard by workspace.
 */
class SchemaTenancyIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void everyTableHasANotNullWorkspaceId() {
		List<String> tables = tables();
		assertThat(tables).contains("workspaces", "api_keys", "conversations", "messages");

		List<String> withoutWorkspace = this.jdbc
			.sql("""
					SELECT t.table_name FROM information_schema.tables t
					WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> 'flyway_schema_history'
					  AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
					                  WHERE c.table_schema = 'public' AND c.table_name = t.table_name
					                    AND c.column_name = 'workspace_id' AND c.is_nullable = 'NO')
					""")
			.query(String.class)
			.list();

		assertThat(withoutWorkspace).isEmpty();
	}

	@Test
	void everyPrimaryKeyUniqueKeyAndIndexStartsWithWorkspaceId() {
		List<String> offenders = this.jdbc.sql("""
				SELECT i.relname || ' on ' || t.relname || ' starts with ' || coalesce(a.attname, 'an expression')
				FROM pg_index x
				JOIN pg_class i ON i.oid = x.indexrelid
				JOIN pg_class t ON t.oid = x.indrelid
				JOIN pg_namespace n ON n.oid = t.relnamespace
				LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
				WHERE n.nspname = 'public' AND t.relname <> 'flyway_schema_history'
				  AND coalesce(a.attname, '') <> 'workspace_id'
				""").query(String.class).list();

		assertThat(offenders).isEmpty();
		assertThat(indexCount()).isGreaterThanOrEqualTo(tables().size());
	}

	private List<String> tables() {
		return this.jdbc.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'
				""").query(String.class).list();
	}

	private int indexCount() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
				JOIN pg_namespace n ON n.oid = t.relnamespace
				WHERE n.nspname = 'public' AND t.relname <> 'flyway_schema_history'
				""").query(Integer.class).single();
	}

}

package dev.woes.definition.persistence;

import java.util.List;

import dev.woes.definition.OrderedDefinitions;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of definitions ordered by their {@code rank} column.
 *
 * @param <T> the kind of definition
 */
abstract class JdbcOrderedDefinitions<T> extends JdbcDefinitions<T> implements OrderedDefinitions<T> {

	JdbcOrderedDefinitions(JdbcClient jdbc, String table, String idColumn, String columns, String insert, String update,
			RowMapper<T> rows) {
		super(jdbc, table, idColumn, columns, insert, update, rows);
	}

	@Override
	public List<T> list(WorkspaceId workspace) {
		return list(workspace, "rank, " + idColumn());
	}

	@Override
	public int nextRank(WorkspaceId workspace) {
		return jdbc().sql("SELECT coalesce(max(rank), 0) + 1 FROM " + table() + " WHERE workspace_id = :workspace")
			.param("workspace", workspace.value())
			.query(Integer.class)
			.single();
	}

}

package dev.woes.definition.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.woes.definition.Definitions;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One table of definitions, keyed by workspace and id: what every kind of definition
 * stores the same way. A kind gives its own insert and update statements; both take
 * {@code :workspace} and {@code :id}, the insert also {@code :createdAt}, and every other
 * parameter comes from {@link #values}.
 *
 * @param <T> the kind of definition
 */
abstract class JdbcDefinitions<T> implements Definitions<T> {

	private final JdbcClient jdbc;

	private final String table;

	private final String idColumn;

	private final String columns;

	private final String insert;

	private final String update;

	private final RowMapper<T> rows;

	/**
	 * @param columns the columns {@code rows} reads
	 */
	JdbcDefinitions(JdbcClient jdbc, String table, String idColumn, String columns, String insert, String update,
			RowMapper<T> rows) {
		this.jdbc = jdbc;
		this.table = table;
		this.idColumn = idColumn;
		this.columns = columns;
		this.insert = insert;
		this.update = update;
		this.rows = rows;
	}

	/**
	 * The definition's id.
	 */
	abstract UUID id(T definition);

	/**
	 * The parameters of the insert and update statements but the key, by name.
	 */
	abstract Map<String, Object> values(T definition);

	/**
	 * The sentence that refuses a definition whose name another one has.
	 */
	abstract String duplicate(T definition);

	@Override
	public Optional<T> find(WorkspaceId workspace, UUID id) {
		return select("AND " + this.idColumn + " = :id").param("workspace", workspace.value())
			.param("id", id)
			.query(this.rows)
			.optional();
	}

	@Override
	public void add(WorkspaceId workspace, T definition, Instant now) {
		Duplicates.refuse(() -> insert(workspace, definition, now, ""), duplicate(definition));
	}

	/**
	 * Runs the insert statement with {@code onConflict} after it.
	 * @return how many rows were inserted
	 */
	int insert(WorkspaceId workspace, T definition, Instant now, String onConflict) {
		return this.jdbc.sql(this.insert + onConflict)
			.params(values(definition))
			.param("workspace", workspace.value())
			.param("id", id(definition))
			.param("createdAt", Timestamps.toSql(now))
			.update();
	}

	@Override
	public void update(WorkspaceId workspace, T definition) {
		Duplicates.refuse(() -> this.jdbc.sql(this.update)
			.params(values(definition))
			.param("workspace", workspace.value())
			.param("id", id(definition))
			.update(), duplicate(definition));
	}

	@Override
	public void remove(WorkspaceId workspace, UUID id) {
		this.jdbc.sql("DELETE FROM " + this.table + " WHERE workspace_id = :workspace AND " + this.idColumn + " = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.update();
	}

	/**
	 * Every definition of the workspace, in the given order.
	 */
	List<T> list(WorkspaceId workspace, String orderBy) {
		return select("ORDER BY " + orderBy).param("workspace", workspace.value()).query(this.rows).list();
	}

	/**
	 * A query for the workspace's definitions; {@code rest} follows its
	 * {@code WHERE workspace_id = :workspace}.
	 */
	JdbcClient.StatementSpec select(String rest) {
		return this.jdbc
			.sql("SELECT " + this.columns + " FROM " + this.table + " WHERE workspace_id = :workspace " + rest);
	}

	JdbcClient jdbc() {
		return this.jdbc;
	}

	String table() {
		return this.table;
	}

	String idColumn() {
		return this.idColumn;
	}

	RowMapper<T> rows() {
		return this.rows;
	}

}

package dev.woes.definition.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.woes.definition.Definitions;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One table of definitions, keyed by workspace and id: what every kind of definition
 * stores the same way. Each column's value is bound to a parameter named after the
 * column; a kind names its columns and says how a definition fills them.
 *
 * @param <T> the kind of definition
 */
abstract class JdbcDefinitions<T> implements Definitions<T> {

	private final JdbcClient jdbc;

	private final String table;

	private final String idColumn;

	private final List<String> fixedColumns;

	private final List<String> changeableColumns;

	private final RowMapper<T> rows;

	/**
	 * @param fixedColumns the columns a definition sets once, when it is added
	 * @param changeableColumns the columns an update writes
	 */
	JdbcDefinitions(JdbcClient jdbc, String table, String idColumn, List<String> fixedColumns,
			List<String> changeableColumns, RowMapper<T> rows) {
		this.jdbc = jdbc;
		this.table = table;
		this.idColumn = idColumn;
		this.fixedColumns = List.copyOf(fixedColumns);
		this.changeableColumns = List.copyOf(changeableColumns);
		this.rows = rows;
	}

	/**
	 * The definition's id.
	 */
	abstract UUID id(T definition);

	/**
	 * The value of every column but the key, by column name.
	 */
	abstract Map<String, Object> values(T definition);

	/**
	 * The sentence that refuses a definition whose name another one has.
	 */
	abstract String duplicate(T definition);

	/**
	 * How a column's value appears in SQL; a kind may cast it.
	 */
	String placeholder(String column) {
		return ":" + column;
	}

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
	 * Inserts the definition; {@code onConflict} may follow the statement.
	 * @return how many rows were inserted
	 */
	int insert(WorkspaceId workspace, T definition, Instant now, String onConflict) {
		List<String> columns = new ArrayList<>(this.fixedColumns);
		columns.addAll(this.changeableColumns);
		return this.jdbc
			.sql("INSERT INTO " + this.table + " (workspace_id, " + this.idColumn + ", " + String.join(", ", columns)
					+ ", created_at) VALUES (:workspace, :id, "
					+ columns.stream().map(this::placeholder).collect(Collectors.joining(", ")) + ", :createdAt)"
					+ onConflict)
			.params(values(definition))
			.param("workspace", workspace.value())
			.param("id", id(definition))
			.param("createdAt", Timestamps.toSql(now))
			.update();
	}

	@Override
	public void update(WorkspaceId workspace, T definition) {
		Duplicates.refuse(() -> this.jdbc
			.sql("UPDATE " + this.table + " SET "
					+ this.changeableColumns.stream()
						.map((column) -> column + " = " + placeholder(column))
						.collect(Collectors.joining(", "))
					+ " WHERE workspace_id = :workspace AND " + this.idColumn + " = :id")
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
		return this.jdbc.sql("SELECT " + this.idColumn + ", " + String.join(", ", this.fixedColumns)
				+ (this.fixedColumns.isEmpty() ? "" : ", ") + String.join(", ", this.changeableColumns) + " FROM "
				+ this.table + " WHERE workspace_id = :workspace " + rest);
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

}

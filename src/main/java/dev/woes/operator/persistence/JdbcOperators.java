package dev.woes.operator.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.woes.operator.DuplicateOperatorEmail;
import dev.woes.operator.Operator;
import dev.woes.operator.OperatorQuery;
import dev.woes.operator.OperatorStillAssigned;
import dev.woes.operator.Operators;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOperators implements Operators {

	private static final String COLUMNS = "operator_id, name, email, role, status, created_at, updated_at";

	private final JdbcClient jdbc;

	JdbcOperators(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, Operator operator) {
		try {
			this.jdbc.sql("""
					INSERT INTO operators (workspace_id, operator_id, name, email, role, status, created_at, updated_at)
					VALUES (:workspace, :id, :name, :email, :role, :status, :createdAt, :updatedAt)
					""")
				.param("workspace", workspace.value())
				.param("id", operator.id())
				.param("name", operator.name())
				.param("email", operator.email())
				.param("role", operator.role())
				.param("status", operator.status())
				.param("createdAt", Timestamps.toSql(operator.createdAt()))
				.param("updatedAt", Timestamps.toSql(operator.updatedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateOperatorEmail();
		}
	}

	@Override
	public Optional<Operator> find(WorkspaceId workspace, UUID id) {
		return byId(workspace, id, "");
	}

	@Override
	public Optional<Operator> findForUpdate(WorkspaceId workspace, UUID id) {
		return byId(workspace, id, " FOR UPDATE");
	}

	private Optional<Operator> byId(WorkspaceId workspace, UUID id, String locking) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM operators WHERE workspace_id = :workspace AND operator_id = :id"
					+ locking)
			.param("workspace", workspace.value())
			.param("id", id)
			.query(JdbcOperators::operator)
			.optional();
	}

	@Override
	public List<Operator> findByEmails(WorkspaceId workspace, Collection<String> emails) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM operators WHERE workspace_id = :workspace"
					+ " AND lower(email) IN (:emails) ORDER BY operator_id")
			.param("workspace", workspace.value())
			.param("emails", emails.stream().map((email) -> email.toLowerCase(Locale.ROOT)).distinct().toList())
			.query(JdbcOperators::operator)
			.list();
	}

	@Override
	public void update(WorkspaceId workspace, Operator operator) {
		try {
			this.jdbc.sql("""
					UPDATE operators SET name = :name, email = :email, role = :role, status = :status,
					       updated_at = :updatedAt
					WHERE workspace_id = :workspace AND operator_id = :id
					""")
				.param("name", operator.name())
				.param("email", operator.email())
				.param("role", operator.role())
				.param("status", operator.status())
				.param("updatedAt", Timestamps.toSql(operator.updatedAt()))
				.param("workspace", workspace.value())
				.param("id", operator.id())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateOperatorEmail();
		}
	}

	@Override
	public void remove(WorkspaceId workspace, UUID id) {
		try {
			this.jdbc.sql("DELETE FROM operators WHERE workspace_id = :workspace AND operator_id = :id")
				.param("workspace", workspace.value())
				.param("id", id)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			// Only conversation assignments refer to operators without cascading.
			throw new OperatorStillAssigned();
		}
	}

	@Override
	public List<Operator> list(WorkspaceId workspace, OperatorQuery query, int rows) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM operators WHERE workspace_id = :workspace");
		if (query.status() != null) {
			sql.append(" AND status = :status");
		}
		if (query.role() != null) {
			sql.append(" AND role = :role");
		}
		if (query.startingAfter() != null) {
			sql.append(" AND operator_id > :after");
		}
		sql.append(" ORDER BY operator_id ").append(ListLimit.sql(rows));
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("workspace", workspace.value());
		if (query.status() != null) {
			statement = statement.param("status", query.status());
		}
		if (query.role() != null) {
			statement = statement.param("role", query.role());
		}
		if (query.startingAfter() != null) {
			statement = statement.param("after", query.startingAfter());
		}
		return statement.query(JdbcOperators::operator).list();
	}

	static Operator operator(ResultSet row, int number) throws SQLException {
		return new Operator(row.getObject("operator_id", UUID.class), row.getString("name"), row.getString("email"),
				row.getString("role"), row.getString("status"), Timestamps.fromSql(row, "created_at"),
				Timestamps.fromSql(row, "updated_at"));
	}

}

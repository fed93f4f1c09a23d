package dev.woes.operator.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.operator.DuplicateTeamName;
import dev.woes.operator.OperatorNotFound;
import dev.woes.operator.Team;
import dev.woes.operator.TeamStillAssigned;
import dev.woes.operator.Teams;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTeams implements Teams {

	/**
	 * A team with its members, in the order they joined.
	 */
	private static final String SELECT = """
			SELECT t.team_id, t.name, t.created_at, t.updated_at,
			       ARRAY(SELECT m.operator_id FROM team_members m
			             WHERE m.workspace_id = t.workspace_id AND m.team_id = t.team_id
			             ORDER BY m.added_at, m.operator_id) AS operator_ids
			FROM teams t
			""";

	private final JdbcClient jdbc;

	JdbcTeams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, Team team) {
		try {
			this.jdbc.sql("""
					INSERT INTO teams (workspace_id, team_id, name, created_at, updated_at)
					VALUES (:workspace, :id, :name, :createdAt, :updatedAt)
					""")
				.param("workspace", workspace.value())
				.param("id", team.id())
				.param("name", team.name())
				.param("createdAt", Timestamps.toSql(team.createdAt()))
				.param("updatedAt", Timestamps.toSql(team.updatedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateTeamName();
		}
		for (UUID operatorId : team.operatorIds()) {
			addMember(workspace, team.id(), operatorId, team.createdAt());
		}
	}

	@Override
	public Optional<Team> find(WorkspaceId workspace, UUID id) {
		return byId(workspace, id, "");
	}

	@Override
	public Optional<Team> findForUpdate(WorkspaceId workspace, UUID id) {
		return byId(workspace, id, " FOR UPDATE OF t");
	}

	private Optional<Team> byId(WorkspaceId workspace, UUID id, String locking) {
		return this.jdbc.sql(SELECT + " WHERE t.workspace_id = :workspace AND t.team_id = :id" + locking)
			.param("workspace", workspace.value())
			.param("id", id)
			.query(JdbcTeams::team)
			.optional();
	}

	@Override
	public void rename(WorkspaceId workspace, Team team) {
		try {
			this.jdbc
				.sql("UPDATE teams SET name = :name, updated_at = :updatedAt"
						+ " WHERE workspace_id = :workspace AND team_id = :id")
				.param("name", team.name())
				.param("updatedAt", Timestamps.toSql(team.updatedAt()))
				.param("workspace", workspace.value())
				.param("id", team.id())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateTeamName();
		}
	}

	@Override
	public boolean addMember(WorkspaceId workspace, UUID teamId, UUID operatorId, Instant at) {
		int added;
		try {
			added = this.jdbc.sql("""
					INSERT INTO team_members (workspace_id, team_id, operator_id, added_at)
					VALUES (:workspace, :team, :operator, :at)
					ON CONFLICT DO NOTHING
					""")
				.param("workspace", workspace.value())
				.param("team", teamId)
				.param("operator", operatorId)
				.param("at", Timestamps.toSql(at))
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new OperatorNotFound();
		}
		if (added > 0) {
			touch(workspace, teamId, at);
		}
		return added > 0;
	}

	@Override
	public boolean removeMember(WorkspaceId workspace, UUID teamId, UUID operatorId, Instant at) {
		int removed;
		try {
			removed = this.jdbc
				.sql("DELETE FROM team_members WHERE workspace_id = :workspace AND team_id = :team"
						+ " AND operator_id = :operator")
				.param("workspace", workspace.value())
				.param("team", teamId)
				.param("operator", operatorId)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new TeamStillAssigned("The operator holds conversations assigned to this team; reassign them "
					+ "before removing the operator from the team.");
		}
		if (removed > 0) {
			touch(workspace, teamId, at);
		}
		return removed > 0;
	}

	private void touch(WorkspaceId workspace, UUID teamId, Instant at) {
		this.jdbc.sql("UPDATE teams SET updated_at = :at WHERE workspace_id = :workspace AND team_id = :team")
			.param("at", Timestamps.toSql(at))
			.param("workspace", workspace.value())
			.param("team", teamId)
			.update();
	}

	@Override
	public void remove(WorkspaceId workspace, UUID id) {
		try {
			this.jdbc.sql("DELETE FROM teams WHERE workspace_id = :workspace AND team_id = :id")
				.param("workspace", workspace.value())
				.param("id", id)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new TeamStillAssigned(
					"The team is assigned to conversations; reassign or unassign them before deleting the team.");
		}
	}

	@Override
	public List<Team> list(WorkspaceId workspace, UUID startingAfter, int rows) {
		return this.jdbc
			.sql(SELECT + " WHERE t.workspace_id = :workspace"
					+ ((startingAfter != null) ? " AND t.team_id > :after" : "") + " ORDER BY t.team_id "
					+ ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("after", startingAfter)
			.query(JdbcTeams::team)
			.list();
	}

	private static Team team(ResultSet row, int number) throws SQLException {
		UUID[] members = (UUID[]) row.getArray("operator_ids").getArray();
		return new Team(row.getObject("team_id", UUID.class), row.getString("name"), Arrays.asList(members),
				Timestamps.fromSql(row, "created_at"), Timestamps.fromSql(row, "updated_at"));
	}

}

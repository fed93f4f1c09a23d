package dev.woes.workspace.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.shared.Timestamps;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.WorkspaceAlreadyExists;
import dev.woes.workspace.WorkspaceId;
import dev.woes.workspace.WorkspaceSlug;
import dev.woes.workspace.Workspaces;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWorkspaces implements Workspaces {

	private final JdbcClient jdbc;

	JdbcWorkspaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(Workspace workspace) {
		if (!addIfAbsent(workspace)) {
			throw new WorkspaceAlreadyExists(workspace.slug());
		}
	}

	@Override
	public boolean addIfAbsent(Workspace workspace) {
		return this.jdbc.sql("""
				INSERT INTO workspaces (workspace_id, slug, name, created_at)
				VALUES (:id, :slug, :name, :createdAt)
				ON CONFLICT (workspace_id) DO NOTHING
				""")
			.param("id", workspace.id().value())
			.param("slug", workspace.slug().value())
			.param("name", workspace.name())
			.param("createdAt", Timestamps.toSql(workspace.createdAt()))
			.update() == 1;
	}

	@Override
	public Optional<Workspace> findBySlug(WorkspaceSlug slug) {
		return this.jdbc.sql("SELECT workspace_id, slug, name, created_at FROM workspaces WHERE workspace_id = :id")
			.param("id", WorkspaceId.forSlug(slug).value())
			.query(JdbcWorkspaces::workspace)
			.optional();
	}

	@Override
	public boolean isEmpty() {
		return this.jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM workspaces)").query(Boolean.class).single();
	}

	@Override
	public List<Workspace> all() {
		return this.jdbc.sql("SELECT workspace_id, slug, name, created_at FROM workspaces ORDER BY slug")
			.query(JdbcWorkspaces::workspace)
			.list();
	}

	private static Workspace workspace(ResultSet row, int number) throws SQLException {
		return new Workspace(new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				new WorkspaceSlug(row.getString("slug")), row.getString("name"), Timestamps.fromSql(row, "created_at"));
	}

}

package dev.woes.definition.persistence;

import java.time.Instant;

import dev.woes.definition.DefinitionSeeds;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDefinitionSeeds implements DefinitionSeeds {

	private final JdbcClient jdbc;

	JdbcDefinitionSeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean claim(WorkspaceId workspace, String kind, Instant now) {
		// A racing insert of the same key waits for the first to commit, then does
		// nothing.
		return this.jdbc.sql("""
				INSERT INTO definition_seeds (workspace_id, kind, seeded_at) VALUES (:workspace, :kind, :at)
				ON CONFLICT DO NOTHING
				""")
			.param("workspace", workspace.value())
			.param("kind", kind)
			.param("at", Timestamps.toSql(now))
			.update() == 1;
	}

	@Override
	public boolean claimed(WorkspaceId workspace, String kind) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM definition_seeds WHERE workspace_id = :workspace AND kind = :kind)
				""").param("workspace", workspace.value()).param("kind", kind).query(Boolean.class).single();
	}

	@Override
	public void lock(WorkspaceId workspace, String kind) {
		this.jdbc.sql("""
				SELECT 1 FROM definition_seeds WHERE workspace_id = :workspace AND kind = :kind FOR UPDATE
				""").param("workspace", workspace.value()).param("kind", kind).query().listOfRows();
	}

}

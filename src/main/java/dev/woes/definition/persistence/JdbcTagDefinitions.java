package dev.woes.definition.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.definition.TagDefinition;
import dev.woes.definition.TagDefinitions;
import dev.woes.definition.TagScope;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTagDefinitions implements TagDefinitions {

	private static final String COLUMNS = "tag_id, name, scope, color, description";

	private final JdbcClient jdbc;

	JdbcTagDefinitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<TagDefinition> list(WorkspaceId workspace, TagScope scope) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM tag_definitions
				WHERE workspace_id = :workspace AND (CAST(:scope AS text) IS NULL OR scope = :scope)
				ORDER BY lower(name)
				""")
			.param("workspace", workspace.value())
			.param("scope", (scope != null) ? scope.wireName() : null)
			.query(JdbcTagDefinitions::tag)
			.list();
	}

	@Override
	public Optional<TagDefinition> find(WorkspaceId workspace, UUID id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM tag_definitions WHERE workspace_id = :workspace AND tag_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.query(JdbcTagDefinitions::tag)
			.optional();
	}

	@Override
	public Optional<TagDefinition> findByName(WorkspaceId workspace, String name) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM tag_definitions WHERE workspace_id = :workspace AND lower(name) = lower(:name)")
			.param("workspace", workspace.value())
			.param("name", name)
			.query(JdbcTagDefinitions::tag)
			.optional();
	}

	@Override
	public void add(WorkspaceId workspace, TagDefinition tag, Instant now) {
		Duplicates.refuse(() -> insert(workspace, tag, now, ""), duplicate(tag));
	}

	@Override
	public boolean addIfAbsent(WorkspaceId workspace, TagDefinition tag, Instant now) {
		return insert(workspace, tag, now, " ON CONFLICT DO NOTHING") == 1;
	}

	private int insert(WorkspaceId workspace, TagDefinition tag, Instant now, String onConflict) {
		return this.jdbc.sql("""
				INSERT INTO tag_definitions (workspace_id, tag_id, name, scope, color, description, created_at)
				VALUES (:workspace, :id, :name, :scope, :color, :description, :createdAt)""" + onConflict)
			.param("workspace", workspace.value())
			.param("id", tag.id())
			.param("name", tag.name())
			.param("scope", tag.scope().wireName())
			.param("color", tag.color())
			.param("description", tag.description())
			.param("createdAt", Timestamps.toSql(now))
			.update();
	}

	@Override
	public void update(WorkspaceId workspace, TagDefinition tag) {
		Duplicates.refuse(() -> this.jdbc.sql("""
				UPDATE tag_definitions SET name = :name, scope = :scope, color = :color, description = :description
				WHERE workspace_id = :workspace AND tag_id = :id
				""")
			.param("name", tag.name())
			.param("scope", tag.scope().wireName())
			.param("color", tag.color())
			.param("description", tag.description())
			.param("workspace", workspace.value())
			.param("id", tag.id())
			.update(), duplicate(tag));
	}

	@Override
	public void remove(WorkspaceId workspace, UUID id) {
		this.jdbc.sql("DELETE FROM tag_definitions WHERE workspace_id = :workspace AND tag_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.update();
	}

	@Override
	public int count(WorkspaceId workspace) {
		return this.jdbc.sql("SELECT count(*) FROM tag_definitions WHERE workspace_id = :workspace")
			.param("workspace", workspace.value())
			.query(Integer.class)
			.single();
	}

	private static String duplicate(TagDefinition tag) {
		return "A tag named " + tag.name() + " already exists.";
	}

	private static TagDefinition tag(ResultSet row, int number) throws SQLException {
		return new TagDefinition(row.getObject("tag_id", UUID.class), row.getString("name"),
				TagScope.fromWireName(row.getString("scope")).orElseThrow(), row.getString("color"),
				row.getString("description"));
	}

}

package dev.woes.definition.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.woes.definition.TagDefinition;
import dev.woes.definition.TagDefinitions;
import dev.woes.definition.TagScope;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTagDefinitions extends JdbcDefinitions<TagDefinition> implements TagDefinitions {

	private static final String INSERT = """
			INSERT INTO tag_definitions (workspace_id, tag_id, name, scope, color, description, created_at)
			VALUES (:workspace, :id, :name, :scope, :color, :description, :createdAt)""";

	private static final String UPDATE = """
			UPDATE tag_definitions SET name = :name, scope = :scope, color = :color, description = :description
			WHERE workspace_id = :workspace AND tag_id = :id
			""";

	JdbcTagDefinitions(JdbcClient jdbc) {
		super(jdbc, "tag_definitions", "tag_id", "tag_id, name, scope, color, description", INSERT, UPDATE,
				JdbcTagDefinitions::tag);
	}

	@Override
	public List<TagDefinition> list(WorkspaceId workspace, TagScope scope) {
		return select("AND (CAST(:scope AS text) IS NULL OR scope = :scope) ORDER BY lower(name)")
			.param("workspace", workspace.value())
			.param("scope", (scope != null) ? scope.wireName() : null)
			.query(rows())
			.list();
	}

	@Override
	public Optional<TagDefinition> findByName(WorkspaceId workspace, String name) {
		return select("AND lower(name) = lower(:name)").param("workspace", workspace.value())
			.param("name", name)
			.query(rows())
			.optional();
	}

	@Override
	public boolean addIfAbsent(WorkspaceId workspace, TagDefinition tag, Instant now) {
		return insert(workspace, tag, now, " ON CONFLICT DO NOTHING") == 1;
	}

	@Override
	public int count(WorkspaceId workspace) {
		return jdbc().sql("SELECT count(*) FROM tag_definitions WHERE workspace_id = :workspace")
			.param("workspace", workspace.value())
			.query(Integer.class)
			.single();
	}

	@Override
	UUID id(TagDefinition tag) {
		return tag.id();
	}

	@Override
	Map<String, Object> values(TagDefinition tag) {
		return Map.of("name", tag.name(), "scope", tag.scope().wireName(), "color", tag.color(), "description",
				tag.description());
	}

	@Override
	String duplicate(TagDefinition tag) {
		return "A tag named " + tag.name() + " already exists.";
	}

	private static TagDefinition tag(ResultSet row, int number) throws SQLException {
		return new TagDefinition(row.getObject("tag_id", UUID.class), row.getString("name"),
				TagScope.fromWireName(row.getString("scope")).orElseThrow(), row.getString("color"),
				row.getString("description"));
	}

}

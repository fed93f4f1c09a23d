package dev.woes.definition.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.definition.CustomFieldDefinition;
import dev.woes.definition.CustomFieldType;
import dev.woes.definition.CustomFields;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomFields implements CustomFields {

	private static final String COLUMNS = "field_id, label, type, enabled, fill_mode, description, options";

	private final JdbcClient jdbc;

	JdbcCustomFields(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<CustomFieldDefinition> list(WorkspaceId workspace) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM custom_field_definitions WHERE workspace_id = :workspace ORDER BY field_id")
			.param("workspace", workspace.value())
			.query(JdbcCustomFields::field)
			.list();
	}

	@Override
	public Optional<CustomFieldDefinition> find(WorkspaceId workspace, UUID id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM custom_field_definitions WHERE workspace_id = :workspace AND field_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.query(JdbcCustomFields::field)
			.optional();
	}

	@Override
	public void add(WorkspaceId workspace, CustomFieldDefinition field, Instant now) {
		Duplicates.refuse(() -> this.jdbc.sql("""
				INSERT INTO custom_field_definitions (workspace_id, field_id, label, type, enabled, fill_mode,
				                                      description, options, created_at)
				VALUES (:workspace, :id, :label, :type, :enabled, :fillMode, :description,
				        CAST(:options AS text[]), :createdAt)
				""")
			.param("workspace", workspace.value())
			.param("id", field.id())
			.param("label", field.label())
			.param("type", field.type().wireName())
			.param("enabled", field.enabled())
			.param("fillMode", field.fillMode())
			.param("description", field.description())
			.param("options", field.options().toArray(String[]::new))
			.param("createdAt", Timestamps.toSql(now))
			.update(), duplicate(field));
	}

	@Override
	public void update(WorkspaceId workspace, CustomFieldDefinition field) {
		Duplicates.refuse(() -> this.jdbc.sql("""
				UPDATE custom_field_definitions SET label = :label, enabled = :enabled, fill_mode = :fillMode,
				       description = :description, options = CAST(:options AS text[])
				WHERE workspace_id = :workspace AND field_id = :id
				""")
			.param("label", field.label())
			.param("enabled", field.enabled())
			.param("fillMode", field.fillMode())
			.param("description", field.description())
			.param("options", field.options().toArray(String[]::new))
			.param("workspace", workspace.value())
			.param("id", field.id())
			.update(), duplicate(field));
	}

	@Override
	public void remove(WorkspaceId workspace, UUID id) {
		this.jdbc.sql("DELETE FROM custom_field_definitions WHERE workspace_id = :workspace AND field_id = :id")
			.param("workspace", workspace.value())
			.param("id", id)
			.update();
	}

	private static String duplicate(CustomFieldDefinition field) {
		return "A custom field labelled " + field.label() + " already exists.";
	}

	private static CustomFieldDefinition field(ResultSet row, int number) throws SQLException {
		Array options = row.getArray("options");
		return new CustomFieldDefinition(row.getObject("field_id", UUID.class), row.getString("label"),
				CustomFieldType.fromWireName(row.getString("type")).orElseThrow(), row.getBoolean("enabled"),
				row.getString("fill_mode"), row.getString("description"), Arrays.asList((String[]) options.getArray()));
	}

}

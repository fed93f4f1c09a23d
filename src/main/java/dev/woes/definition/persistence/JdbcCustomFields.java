package dev.woes.definition.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.definition.CustomFieldDefinition;
import dev.woes.definition.CustomFieldType;
import dev.woes.definition.CustomFields;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomFields extends JdbcDefinitions<CustomFieldDefinition> implements CustomFields {

	private static final String INSERT = """
			INSERT INTO custom_field_definitions (workspace_id, field_id, label, type, enabled, fill_mode,
			                                      description, options, created_at)
			VALUES (:workspace, :id, :label, :type, :enabled, :fillMode, :description,
			        CAST(:options AS text[]), :createdAt)
			""";

	private static final String UPDATE = """
			UPDATE custom_field_definitions SET label = :label, enabled = :enabled, fill_mode = :fillMode,
			       description = :description, options = CAST(:options AS text[])
			WHERE workspace_id = :workspace AND field_id = :id
			""";

	JdbcCustomFields(JdbcClient jdbc) {
		super(jdbc, "custom_field_definitions", "field_id",
				"field_id, label, type, enabled, fill_mode, description, options", INSERT, UPDATE,
				JdbcCustomFields::field);
	}

	@Override
	public List<CustomFieldDefinition> list(WorkspaceId workspace) {
		return list(workspace, "field_id");
	}

	@Override
	UUID id(CustomFieldDefinition field) {
		return field.id();
	}

	@Override
	Map<String, Object> values(CustomFieldDefinition field) {
		return Map.of("label", field.label(), "type", field.type().wireName(), "enabled", field.enabled(), "fillMode",
				field.fillMode(), "description", field.description(), "options",
				field.options().toArray(String[]::new));
	}

	@Override
	String duplicate(CustomFieldDefinition field) {
		return "A custom field labelled " + field.label() + " already exists.";
	}

	private static CustomFieldDefinition field(ResultSet row, int number) throws SQLException {
		Array options = row.getArray("options");
		return new CustomFieldDefinition(row.getObject("field_id", UUID.class), row.getString("label"),
				CustomFieldType.fromWireName(row.getString("type")).orElseThrow(), row.getBoolean("enabled"),
				row.getString("fill_mode"), row.getString("description"), Arrays.asList((String[]) options.getArray()));
	}

}

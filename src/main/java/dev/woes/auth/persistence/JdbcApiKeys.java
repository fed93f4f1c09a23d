package dev.woes.auth.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.woes.auth.ApiKey;
import dev.woes.auth.ApiKeyId;
import dev.woes.auth.ApiKeys;
import dev.woes.auth.Scope;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiKeys implements ApiKeys {

	private static final String COLUMNS = """
			workspace_id, key_id, prefix, key_hash, name, scopes, created_at, last_used_at, expires_at, revoked_at""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	JdbcApiKeys(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	@Override
	public void add(ApiKey key, String secretHash) {
		String[] scopes = key.scopes().stream().map(Scope::wireName).sorted().toArray(String[]::new);
		this.template.update("INSERT INTO api_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				(statement) -> {
					statement.setObject(1, key.id().workspace().value());
					statement.setObject(2, key.id().value());
					statement.setString(3, key.prefix());
					statement.setString(4, secretHash);
					statement.setString(5, key.name());
					statement.setArray(6, statement.getConnection().createArrayOf("text", scopes));
					statement.setObject(7, Timestamps.toSql(key.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE);
					statement.setObject(8, Timestamps.toSql(key.lastUsedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
					statement.setObject(9, Timestamps.toSql(key.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE);
					statement.setObject(10, Timestamps.toSql(key.revokedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
				});
	}

	@Override
	public boolean holds(WorkspaceId workspace, String secretHash) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM api_keys WHERE workspace_id = :workspace AND key_hash = :hash)")
			.param("workspace", workspace.value())
			.param("hash", secretHash)
			.query(Boolean.class)
			.single();
	}

	@Override
	public List<ApiKey> listFor(WorkspaceId workspace) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM api_keys WHERE workspace_id = :workspace ORDER BY created_at, key_id")
			.param("workspace", workspace.value())
			.query(JdbcApiKeys::key)
			.list();
	}

	@Override
	public List<ApiKey> findByPrefix(String prefix) {
		// The one lookup without a workspace: an operator revoking a key by what they can
		// see of it.
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE prefix = :prefix")
			.param("prefix", prefix)
			.query(JdbcApiKeys::key)
			.list();
	}

	@Override
	public void revoke(ApiKeyId id, Instant at) {
		this.jdbc.sql("""
				UPDATE api_keys SET revoked_at = :at
				WHERE workspace_id = :workspace AND key_id = :id AND revoked_at IS NULL
				""")
			.param("at", Timestamps.toSql(at))
			.param("workspace", id.workspace().value())
			.param("id", id.value())
			.update();
	}

	@Override
	public Map<String, ApiKey> allByHash() {
		Map<String, ApiKey> keys = new HashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE revoked_at IS NULL").query((ResultSet row) -> {
			keys.put(row.getString("key_hash"), key(row, 0));
		});
		return keys;
	}

	@Override
	public void recordUse(Map<ApiKeyId, Instant> lastUse) {
		// One statement for the whole batch: one round trip, and one transaction, however
		// many keys were used.
		List<Map.Entry<ApiKeyId, Instant>> uses = List.copyOf(lastUse.entrySet());
		this.jdbc.sql("""
				UPDATE api_keys AS k
				SET last_used_at = GREATEST(COALESCE(k.last_used_at, u.at), u.at)
				FROM unnest(CAST(:workspaces AS uuid[]), CAST(:keys AS uuid[]), CAST(:times AS timestamptz[]))
				     AS u (workspace_id, key_id, at)
				WHERE k.workspace_id = u.workspace_id AND k.key_id = u.key_id
				""")
			.param("workspaces", uses.stream().map((use) -> use.getKey().workspace().toString()).toArray(String[]::new))
			.param("keys", uses.stream().map((use) -> use.getKey().value().toString()).toArray(String[]::new))
			.param("times", uses.stream().map((use) -> use.getValue().toString()).toArray(String[]::new))
			.update();
	}

	private static ApiKey key(ResultSet row, int number) throws SQLException {
		Array scopes = row.getArray("scopes");
		Set<Scope> parsed = Arrays.stream((String[]) scopes.getArray())
			.map((name) -> Scope.fromWireName(name).orElseThrow())
			.collect(Collectors.toSet());
		return new ApiKey(
				new ApiKeyId(new WorkspaceId(row.getObject("workspace_id", UUID.class)),
						row.getObject("key_id", UUID.class)),
				row.getString("prefix"), row.getString("name"), parsed, Timestamps.fromSql(row, "created_at"),
				Timestamps.fromSql(row, "last_used_at"), Timestamps.fromSql(row, "expires_at"),
				Timestamps.fromSql(row, "revoked_at"));
	}

}

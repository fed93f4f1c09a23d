package dev.woes.idempotency.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.woes.idempotency.Fingerprint;
import dev.woes.idempotency.IdempotencyKey;
import dev.woes.idempotency.IdempotencyRecord;
import dev.woes.idempotency.IdempotencyRecords;
import dev.woes.idempotency.StoredResponse;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIdempotencyRecords implements IdempotencyRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	JdbcIdempotencyRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean tryLock(WorkspaceId workspace, IdempotencyKey key) {
		// A transaction-scoped advisory lock: released by the commit or rollback of the
		// write, visible to every node sharing the database, and never waited for.
		return this.jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
			.param("lock", "idempotency:" + workspace.value() + ":" + key.value())
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<IdempotencyRecord> find(WorkspaceId workspace, IdempotencyKey key) {
		return this.jdbc.sql("""
				SELECT idempotency_key, method, path, body_sha256, status, headers::text AS headers, body, created_at
				FROM idempotency_keys
				WHERE workspace_id = :workspace AND idempotency_key = :key
				""")
			.param("workspace", workspace.value())
			.param("key", key.value())
			.query(JdbcIdempotencyRecords::record)
			.optional();
	}

	@Override
	public void add(WorkspaceId workspace, IdempotencyRecord record) {
		this.jdbc.sql("""
				INSERT INTO idempotency_keys (workspace_id, idempotency_key, method, path, body_sha256, status, headers,
				                              body, created_at)
				VALUES (:workspace, :key, :method, :path, decode(:bodySha256, 'hex'), :status, CAST(:headers AS jsonb),
				        :body, :createdAt)
				""")
			.param("workspace", workspace.value())
			.param("key", record.key().value())
			.param("method", record.fingerprint().method())
			.param("path", record.fingerprint().path())
			.param("bodySha256", record.fingerprint().bodySha256())
			.param("status", record.response().status())
			.param("headers", JSON.writeValueAsString(record.response().headers()))
			.param("body", record.response().body())
			.param("createdAt", Timestamps.toSql(record.createdAt()))
			.update();
	}

	@Override
	public void delete(WorkspaceId workspace, IdempotencyKey key) {
		this.jdbc.sql("DELETE FROM idempotency_keys WHERE workspace_id = :workspace AND idempotency_key = :key")
			.param("workspace", workspace.value())
			.param("key", key.value())
			.update();
	}

	@Override
	public int deleteOlderThan(Instant instant) {
		// Visits the workspaces that hold records by skipping through the primary key,
		// then deletes each one's expired rows through (workspace_id, created_at): no
		// index or scan that crosses workspaces.
		List<UUID> workspaces = this.jdbc.sql("""
				WITH RECURSIVE holders (workspace_id) AS (
				    (SELECT workspace_id FROM idempotency_keys ORDER BY workspace_id LIMIT 1)
				    UNION ALL
				    SELECT (SELECT k.workspace_id FROM idempotency_keys k WHERE k.workspace_id > holders.workspace_id
				            ORDER BY k.workspace_id LIMIT 1)
				    FROM holders
				    WHERE holders.workspace_id IS NOT NULL
				)
				SELECT workspace_id FROM holders WHERE workspace_id IS NOT NULL
				""").query(UUID.class).list();
		int deleted = 0;
		for (UUID workspace : workspaces) {
			deleted += this.jdbc
				.sql("DELETE FROM idempotency_keys WHERE workspace_id = :workspace AND created_at < :before")
				.param("workspace", workspace)
				.param("before", Timestamps.toSql(instant))
				.update();
		}
		return deleted;
	}

	private static IdempotencyRecord record(ResultSet row, int number) throws SQLException {
		Map<String, String> headers = JSON.readValue(row.getString("headers"), HEADERS);
		return new IdempotencyRecord(new IdempotencyKey(row.getString("idempotency_key")),
				new Fingerprint(row.getString("method"), row.getString("path"),
						java.util.HexFormat.of().formatHex(row.getBytes("body_sha256"))),
				new StoredResponse(row.getInt("status"), headers, row.getBytes("body")),
				Timestamps.fromSql(row, "created_at"));
	}

}

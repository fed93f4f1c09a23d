package dev.woes.webhook.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.woes.shared.Timestamps;
import dev.woes.webhook.Webhook;
import dev.woes.webhook.WebhookId;
import dev.woes.webhook.Webhooks;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWebhooks implements Webhooks {

	static final String COLUMNS = """
			webhook_id, name, url, events, enabled, disabled_reason, secret, previous_secret,
			previous_secret_expires_at, created_at, updated_at""";

	private final JdbcClient jdbc;

	JdbcWebhooks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, Webhook webhook) {
		this.jdbc.sql("""
				INSERT INTO webhooks (workspace_id, webhook_id, name, url, events, enabled, disabled_reason, secret,
				                      previous_secret, previous_secret_expires_at, created_at, updated_at)
				VALUES (:workspace, :id, :name, :url, CAST(:events AS text[]), :enabled, :disabledReason, :secret,
				        :previousSecret, :previousSecretExpiresAt, :createdAt, :updatedAt)
				""").params(params(workspace, webhook)).update();
		// The dispatcher follows the workspace from its latest event on: earlier events
		// happened before any endpoint wanted them.
		this.jdbc.sql("""
				INSERT INTO webhook_workspaces (workspace_id, cursor_tx, cursor_seq)
				SELECT :workspace, coalesce(latest.tx_id, '0'::xid8), coalesce(latest.seq, 0)
				FROM (SELECT NULL) AS one
				LEFT JOIN LATERAL (SELECT tx_id, seq FROM events WHERE workspace_id = :workspace
				                   ORDER BY tx_id DESC, seq DESC LIMIT 1) AS latest ON true
				ON CONFLICT (workspace_id) DO NOTHING
				""").param("workspace", workspace.value()).update();
	}

	@Override
	public Optional<Webhook> find(WorkspaceId workspace, WebhookId id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM webhooks WHERE workspace_id = :workspace AND webhook_id = :id")
			.param("workspace", workspace.value())
			.param("id", id.value())
			.query(JdbcWebhooks::webhook)
			.optional();
	}

	@Override
	public Optional<Webhook> findForUpdate(WorkspaceId workspace, WebhookId id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM webhooks WHERE workspace_id = :workspace AND webhook_id = :id FOR NO KEY UPDATE")
			.param("workspace", workspace.value())
			.param("id", id.value())
			.query(JdbcWebhooks::webhook)
			.optional();
	}

	@Override
	public List<Webhook> list(WorkspaceId workspace, WebhookId startingAfter, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM webhooks WHERE workspace_id = :workspace
				  AND (CAST(:after AS uuid) IS NULL OR webhook_id > CAST(:after AS uuid))
				ORDER BY webhook_id LIMIT :limit
				""")
			.param("workspace", workspace.value())
			.param("after", (startingAfter != null) ? startingAfter.value() : null)
			.param("limit", limit)
			.query(JdbcWebhooks::webhook)
			.list();
	}

	@Override
	public void update(WorkspaceId workspace, Webhook webhook, boolean resetFailures) {
		this.jdbc.sql("""
				UPDATE webhooks SET name = :name, url = :url, events = CAST(:events AS text[]), enabled = :enabled,
				       disabled_reason = :disabledReason, secret = :secret, previous_secret = :previousSecret,
				       previous_secret_expires_at = :previousSecretExpiresAt, updated_at = :updatedAt,
				       failing_since = CASE WHEN :reset THEN NULL ELSE failing_since END,
				       failed_deliveries = CASE WHEN :reset THEN 0 ELSE failed_deliveries END
				WHERE workspace_id = :workspace AND webhook_id = :id
				""").params(params(workspace, webhook)).param("reset", resetFailures).update();
	}

	@Override
	public boolean delete(WorkspaceId workspace, WebhookId id) {
		return this.jdbc.sql("DELETE FROM webhooks WHERE workspace_id = :workspace AND webhook_id = :id")
			.param("workspace", workspace.value())
			.param("id", id.value())
			.update() == 1;
	}

	private static java.util.Map<String, Object> params(WorkspaceId workspace, Webhook webhook) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("workspace", workspace.value());
		params.put("id", webhook.id().value());
		params.put("name", webhook.name());
		params.put("url", webhook.url());
		params.put("events", "{" + String.join(",", webhook.events()) + "}");
		params.put("enabled", webhook.enabled());
		params.put("disabledReason", webhook.disabledReason());
		params.put("secret", webhook.secret());
		params.put("previousSecret", webhook.previousSecret());
		params.put("previousSecretExpiresAt", Timestamps.toSql(webhook.previousSecretExpiresAt()));
		params.put("createdAt", Timestamps.toSql(webhook.createdAt()));
		params.put("updatedAt", Timestamps.toSql(webhook.updatedAt()));
		return params;
	}

	static Webhook webhook(ResultSet row, int number) throws SQLException {
		Array events = row.getArray("events");
		return new Webhook(new WebhookId(row.getObject("webhook_id", java.util.UUID.class)), row.getString("name"),
				row.getString("url"), List.copyOf(Arrays.asList((String[]) events.getArray())),
				row.getBoolean("enabled"), row.getString("disabled_reason"), row.getString("secret"),
				row.getString("previous_secret"), Timestamps.fromSql(row, "previous_secret_expires_at"),
				Timestamps.fromSql(row, "created_at"), Timestamps.fromSql(row, "updated_at"));
	}

}

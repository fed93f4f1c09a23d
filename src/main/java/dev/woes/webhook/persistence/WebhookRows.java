package dev.woes.webhook.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.woes.shared.Timestamps;
import dev.woes.webhook.Webhook;
import dev.woes.webhook.WebhookId;

/**
 * Reads the endpoint half of a claimed delivery's row.
 */
final class WebhookRows {

	private WebhookRows() {
	}

	static Webhook claimed(ResultSet row) throws SQLException {
		return new Webhook(new WebhookId(row.getObject("w_id", UUID.class)), row.getString("name"),
				row.getString("url"), List.copyOf(Arrays.asList((String[]) row.getArray("events").getArray())),
				row.getBoolean("enabled"), row.getString("disabled_reason"), row.getString("secret"),
				row.getString("previous_secret"), Timestamps.fromSql(row, "previous_secret_expires_at"),
				Timestamps.fromSql(row, "w_created_at"), Timestamps.fromSql(row, "w_updated_at"));
	}

}

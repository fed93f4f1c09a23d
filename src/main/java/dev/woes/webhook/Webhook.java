package dev.woes.webhook;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint that receives the workspace's events.
 *
 * @param events the event types it receives; empty receives every type, including types
 * added later
 * @param disabledReason why the server disabled it, or {@code null}
 * @param secret the current signing secret
 * @param previousSecret the secret replaced by the last rotation, still signing until
 * {@code previousSecretExpiresAt}; {@code null} when none
 */
public record Webhook(WebhookId id, String name, String url, List<String> events, boolean enabled,
		String disabledReason, String secret, String previousSecret, Instant previousSecretExpiresAt, Instant createdAt,
		Instant updatedAt) {

	/**
	 * The secrets that sign a delivery sent now: the current one, and the previous one
	 * while its grace period lasts.
	 */
	public List<String> signingSecrets(Instant now) {
		if (this.previousSecret != null && this.previousSecretExpiresAt != null
				&& now.isBefore(this.previousSecretExpiresAt)) {
			return List.of(this.secret, this.previousSecret);
		}
		return List.of(this.secret);
	}

}

package dev.woes.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A workspace API key as stored: never the secret itself, only its visible prefix. An
 * empty scope set allows everything.
 */
public record ApiKey(ApiKeyId id, String prefix, String name, Set<Scope> scopes, Instant createdAt, Instant lastUsedAt,
		Instant expiresAt, Instant revokedAt) {

	public ApiKey {
		scopes = Set.copyOf(scopes);
	}

	public boolean allows(Scope scope) {
		return this.scopes.isEmpty() || this.scopes.contains(scope);
	}

	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

	/**
	 * This key as revoked at the given time.
	 */
	public ApiKey revoke(Instant at) {
		return new ApiKey(this.id, this.prefix, this.name, this.scopes, this.createdAt, this.lastUsedAt, this.expiresAt,
				at);
	}

}

package dev.woes.idempotency;

import java.time.Instant;

/**
 * A stored answer: the key, what it was used for, the answer and when it was made.
 */
public record IdempotencyRecord(IdempotencyKey key, Fingerprint fingerprint, StoredResponse response,
		Instant createdAt) {
}

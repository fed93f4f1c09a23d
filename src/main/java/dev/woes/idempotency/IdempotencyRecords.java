package dev.woes.idempotency;

import java.time.Instant;
import java.util.Optional;

import dev.woes.workspace.WorkspaceId;

/**
 * The stored answers of a workspace's keys. Every method runs in the caller's
 * transaction.
 */
public interface IdempotencyRecords {

	/**
	 * Takes the key for the rest of the current transaction, or answers false at once if
	 * another transaction (on any node) holds it.
	 */
	boolean tryLock(WorkspaceId workspace, IdempotencyKey key);

	Optional<IdempotencyRecord> find(WorkspaceId workspace, IdempotencyKey key);

	void add(WorkspaceId workspace, IdempotencyRecord record);

	void delete(WorkspaceId workspace, IdempotencyKey key);

	/**
	 * Deletes the records made before the instant, in every workspace; answers how many.
	 */
	int deleteOlderThan(Instant instant);

}

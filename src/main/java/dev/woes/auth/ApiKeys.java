package dev.woes.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.woes.workspace.WorkspaceId;

/**
 * The stored keys of every workspace.
 */
public interface ApiKeys {

	void add(ApiKey key, String secretHash);

	boolean holds(WorkspaceId workspace, String secretHash);

	List<ApiKey> listFor(WorkspaceId workspace);

	List<ApiKey> findByPrefix(String prefix);

	void revoke(ApiKeyId id, Instant at);

	/**
	 * Every key with its secret hash: what the in-memory verifier holds.
	 */
	Map<String, ApiKey> allByHash();

	void recordUse(Map<ApiKeyId, Instant> lastUse);

}

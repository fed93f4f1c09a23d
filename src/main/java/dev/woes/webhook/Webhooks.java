package dev.woes.webhook;

import java.util.List;
import java.util.Optional;

import dev.woes.workspace.WorkspaceId;

/**
 * Where endpoints are kept.
 */
public interface Webhooks {

	/**
	 * Stores a new endpoint and, for the workspace's first, starts the dispatcher's
	 * cursor at the workspace's latest event.
	 */
	void add(WorkspaceId workspace, Webhook webhook);

	Optional<Webhook> find(WorkspaceId workspace, WebhookId id);

	/**
	 * Reads the endpoint and locks it until the transaction ends.
	 */
	Optional<Webhook> findForUpdate(WorkspaceId workspace, WebhookId id);

	/**
	 * Up to {@code limit} endpoints after {@code startingAfter} (or from the first), by
	 * id.
	 */
	List<Webhook> list(WorkspaceId workspace, WebhookId startingAfter, int limit);

	/**
	 * Stores the endpoint's fields; {@code resetFailures} forgets its run of failures (it
	 * was enabled again).
	 */
	void update(WorkspaceId workspace, Webhook webhook, boolean resetFailures);

	boolean delete(WorkspaceId workspace, WebhookId id);

}

package dev.woes.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.woes.workspace.WorkspaceId;

/**
 * The conversations of every workspace; each method sees one workspace only.
 */
public interface Conversations {

	/**
	 * @throws DuplicateExternalId when the workspace already has a conversation with its
	 * externalId
	 */
	void add(WorkspaceId workspace, Conversation conversation);

	Optional<Conversation> find(WorkspaceId workspace, ConversationId id);

	/**
	 * Finds a conversation and locks it until the current transaction ends.
	 */
	Optional<Conversation> findForUpdate(WorkspaceId workspace, ConversationId id);

	void update(WorkspaceId workspace, Conversation conversation);

	/**
	 * Lists per the query, fetching up to {@code limit + 1} rows so a caller can tell
	 * whether more follow. The cursor must exist: see {@link #exists}.
	 */
	List<Conversation> list(WorkspaceId workspace, ConversationQuery query, int rows);

	boolean exists(WorkspaceId workspace, ConversationId id);

	/**
	 * Records that a customer-visible message arrived: moves {@code lastMessageAt} (never
	 * backwards), {@code updatedAt} and {@code preview}, and hands out the message's
	 * position. With {@code reopens}, a solved conversation becomes open again.
	 */
	Optional<MessageSlot> recordMessage(WorkspaceId workspace, ConversationId id, String preview, Instant at,
			boolean reopens);

}

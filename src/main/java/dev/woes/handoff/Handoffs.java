package dev.woes.handoff;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * Where handoffs are kept. At most one handoff per conversation is not released.
 */
public interface Handoffs {

	void add(WorkspaceId workspace, Handoff handoff);

	/**
	 * Stores a takeover or a release.
	 */
	void update(WorkspaceId workspace, Handoff handoff);

	/**
	 * The conversation's handoff that is not released, if any.
	 */
	Optional<Handoff> active(WorkspaceId workspace, ConversationId conversation);

	/**
	 * Up to {@code rows} handoffs of a conversation, oldest request first, after a
	 * handoff (or from the start).
	 */
	List<Handoff> ofConversation(WorkspaceId workspace, ConversationId conversation, UUID startingAfter, int rows);

	/**
	 * Up to {@code rows} handoffs of the workspace in a state, oldest request first.
	 */
	List<Handoff> inState(WorkspaceId workspace, String state, UUID startingAfter, int rows);

	/**
	 * Whether the handoff exists in the workspace (and, when given, belongs to the
	 * conversation).
	 */
	boolean exists(WorkspaceId workspace, UUID id, ConversationId conversation);

}

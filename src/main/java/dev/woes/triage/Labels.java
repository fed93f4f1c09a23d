package dev.woes.triage;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * The status label each conversation was given; a conversation without one shows its
 * lifecycle's default.
 */
public interface Labels {

	Optional<UUID> find(WorkspaceId workspace, ConversationId conversation);

	void put(WorkspaceId workspace, ConversationId conversation, UUID statusId, Instant now);

	void remove(WorkspaceId workspace, ConversationId conversation);

}

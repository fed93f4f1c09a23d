package dev.woes.triage;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * The status label each conversation was given; a conversation without one shows its
 * lifecycle's default.
 * <p>
 * Both writes go with the transaction's commit ({@code AtCommit}), in the order they were
 * made: a status change drops the label without a round trip of its own, and a label
 * given after a status change in the same transaction lands after that drop. A
 * {@link #find} later in the same transaction does not see them.
 */
public interface Labels {

	Optional<UUID> find(WorkspaceId workspace, ConversationId conversation);

	void putAtCommit(WorkspaceId workspace, ConversationId conversation, UUID statusId, Instant now);

	void removeAtCommit(WorkspaceId workspace, ConversationId conversation);

}

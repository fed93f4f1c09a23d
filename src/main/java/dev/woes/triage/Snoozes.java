package dev.woes.triage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * Pending snoozes: a waiting conversation and when it goes back to open.
 */
public interface Snoozes {

	Optional<Instant> find(WorkspaceId workspace, ConversationId conversation);

	void put(WorkspaceId workspace, ConversationId conversation, Instant wakeAt, Instant now);

	void remove(WorkspaceId workspace, ConversationId conversation);

	/**
	 * Claims up to {@code batch} snoozes of any workspace due at {@code now}: each is
	 * locked with its conversation until the transaction ends, and snoozes another
	 * transaction holds are skipped, so two claimers never claim the same snooze.
	 */
	List<DueSnooze> claimDue(Instant now, int batch);

	/**
	 * A claimed snooze.
	 */
	record DueSnooze(WorkspaceId workspace, ConversationId conversation) {
	}

}

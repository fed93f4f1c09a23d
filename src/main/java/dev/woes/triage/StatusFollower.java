package dev.woes.triage;

import dev.woes.conversation.ConversationChanges;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationStatusChanged;
import dev.woes.conversation.ConversationStatus;
import dev.woes.conversation.CustomerMessageArrived;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps labels and snoozes in step with the conversation's lifecycle, inside the
 * transaction that changed it. A status change by any route drops the stored label (the
 * new lifecycle's default shows) and voids a pending snooze. A customer's message wakes a
 * snoozed conversation at once: the customer is back, so the team should look. Only a
 * {@code waiting} conversation can be snoozed (any status change voids the snooze), so a
 * message on any other one needs no look at the snoozes.
 */
@Component
class StatusFollower {

	private final Labels labels;

	private final Snoozes snoozes;

	private final ConversationManagement conversations;

	StatusFollower(Labels labels, Snoozes snoozes, ConversationManagement conversations) {
		this.labels = labels;
		this.snoozes = snoozes;
		this.conversations = conversations;
	}

	@EventListener
	void statusChanged(ConversationStatusChanged change) {
		this.labels.removeAtCommit(change.workspace(), change.conversationId());
		if (change.previousStatus() == ConversationStatus.WAITING) {
			// Only a waiting conversation can hold a snooze: a reopened solved one (a
			// customer's message, the common case) skips the round trip.
			this.snoozes.remove(change.workspace(), change.conversationId());
		}
	}

	@EventListener
	void customerWrote(CustomerMessageArrived arrival) {
		if (arrival.previousStatus() == ConversationStatus.WAITING
				&& this.snoozes.find(arrival.workspace(), arrival.conversationId()).isPresent()) {
			this.conversations.change(arrival.workspace(), arrival.actor(), arrival.conversationId(),
					new ConversationChanges(ConversationStatus.OPEN, null, null));
		}
	}

}

package dev.woes.conversation;

import java.time.Clock;
import java.time.Instant;

import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, reads, changes and lists conversations. The rules live on {@link Conversation};
 * this service loads, applies and stores.
 */
@Service
public class ConversationManagement {

	private final Conversations conversations;

	private final Clock clock;

	ConversationManagement(Conversations conversations, Clock clock) {
		this.conversations = conversations;
		this.clock = clock;
	}

	public Conversation open(WorkspaceId workspace, NewConversation request) {
		Conversation conversation = Conversation.open(request.externalId(), request.channel(), request.priority(),
				request.subject(), request.customer(), Timestamps.now(this.clock));
		this.conversations.add(workspace, conversation);
		return conversation;
	}

	public Conversation get(WorkspaceId workspace, ConversationId id) {
		return this.conversations.find(workspace, id).orElseThrow(ConversationNotFound::new);
	}

	@Transactional
	public Conversation change(WorkspaceId workspace, ConversationId id, ConversationChanges changes) {
		Conversation conversation = this.conversations.findForUpdate(workspace, id)
			.orElseThrow(ConversationNotFound::new);
		Instant now = Timestamps.now(this.clock);
		if (changes.status() != null) {
			conversation.moveTo(changes.status(), now);
		}
		if (changes.priority() != null) {
			conversation.prioritize(changes.priority(), now);
		}
		if (changes.subject() != null) {
			conversation.retitle(changes.subject(), now);
		}
		this.conversations.update(workspace, conversation);
		return conversation;
	}

	@Transactional(readOnly = true)
	public Page<Conversation> list(WorkspaceId workspace, ConversationQuery query) {
		if (query.startingAfter() != null && !this.conversations.exists(workspace, query.startingAfter())) {
			throw new UnknownCursor();
		}
		return Page.fromOverfetch(this.conversations.list(workspace, query, query.limit() + 1), query.limit());
	}

	/**
	 * Records a message's arrival on the conversation and answers where the message goes.
	 * Runs in the caller's transaction, so the message and the conversation change
	 * together.
	 */
	public MessageSlot recordMessage(WorkspaceId workspace, ConversationId id, String body, Instant at) {
		return this.conversations.recordMessage(workspace, id, Preview.of(body), at)
			.orElseThrow(ConversationNotFound::new);
	}

	public void requireExists(WorkspaceId workspace, ConversationId id) {
		if (!this.conversations.exists(workspace, id)) {
			throw new ConversationNotFound();
		}
	}

}

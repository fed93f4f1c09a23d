package dev.woes.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, reads, changes and lists conversations. The rules live on {@link Conversation};
 * this service loads, applies and stores.
 */
@Service
public class ConversationManagement {

	private final Conversations conversations;

	private final EventLog events;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	ConversationManagement(Conversations conversations, EventLog events, Clock clock,
			ApplicationEventPublisher publisher) {
		this.conversations = conversations;
		this.events = events;
		this.clock = clock;
		this.publisher = publisher;
	}

	@Transactional
	public Conversation open(WorkspaceId workspace, Actor actor, NewConversation request) {
		Conversation conversation = Conversation.open(request.externalId(), request.channel(), request.priority(),
				request.subject(), request.customer(), Timestamps.now(this.clock));
		this.conversations.add(workspace, conversation);
		this.events.record(workspace, EventType.CONVERSATION_CREATED, actor, conversation.id().value(),
				ConversationPayload.of(conversation));
		return conversation;
	}

	public Conversation get(WorkspaceId workspace, ConversationId id) {
		return this.conversations.find(workspace, id).orElseThrow(ConversationNotFound::new);
	}

	@Transactional
	public Conversation change(WorkspaceId workspace, Actor actor, ConversationId id, ConversationChanges changes) {
		Conversation conversation = this.conversations.findForUpdate(workspace, id)
			.orElseThrow(ConversationNotFound::new);
		Instant now = Timestamps.now(this.clock);
		ConversationStatus previousStatus = conversation.status();
		String previousPriority = conversation.priority();
		String previousSubject = conversation.subject();
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
		if (conversation.status() != previousStatus) {
			statusChanged(workspace, actor, conversation, previousStatus);
		}
		if (!conversation.priority().equals(previousPriority) || !conversation.subject().equals(previousSubject)) {
			Map<String, Object> data = ConversationPayload.of(conversation);
			data.put("previousPriority", previousPriority);
			data.put("previousSubject", previousSubject);
			this.events.record(workspace, EventType.CONVERSATION_UPDATED, actor, id.value(), data);
		}
		return conversation;
	}

	/**
	 * Records {@code conversation.status.updated} in the current transaction, for every
	 * route that moves a conversation between open, waiting and solved, and tells the
	 * listeners of {@link ConversationStatusChanged} in the same transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void statusChanged(WorkspaceId workspace, Actor actor, Conversation conversation,
			ConversationStatus previousStatus) {
		Map<String, Object> data = ConversationPayload.of(conversation);
		data.put("previousStatus", previousStatus.wireName());
		this.events.record(workspace, EventType.CONVERSATION_STATUS_UPDATED, actor, conversation.id().value(), data);
		this.publisher.publishEvent(new ConversationStatusChanged(workspace, actor, conversation.id(), previousStatus,
				conversation.status()));
	}

	/**
	 * Lists conversations. No transaction of its own: most lists are one statement, which
	 * in autocommit takes a single round trip with its workspace settings (a transaction
	 * would add its {@code COMMIT}'s), and the lists planned per request open their own.
	 * The cursor's check before the list needs no snapshot in common with it, since
	 * conversations are never deleted.
	 */
	public Page<Conversation> list(WorkspaceId workspace, ConversationQuery query) {
		if (query.startingAfter() != null && !this.conversations.exists(workspace, query.startingAfter())) {
			throw new UnknownCursor();
		}
		return Page.fromOverfetch(this.conversations.list(workspace, query, query.limit() + 1), query.limit());
	}

	/**
	 * Records a message's arrival on the conversation and answers where the message goes.
	 * Runs in the caller's transaction, so the message and the conversation change
	 * together. A customer's message ({@code reopens}) brings a solved conversation back
	 * to open, and that status change is recorded as an event; listeners of
	 * {@link CustomerMessageArrived} hear of it in the same transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public MessageSlot recordMessage(WorkspaceId workspace, Actor actor, ConversationId id, String body, Instant at,
			boolean reopens) {
		MessageSlot slot = this.conversations.recordMessage(workspace, id, Preview.of(body), at, reopens)
			.orElseThrow(ConversationNotFound::new);
		if (slot.reopened()) {
			statusChanged(workspace, actor, slot.conversation(), slot.previousStatus());
		}
		if (reopens) {
			this.publisher.publishEvent(new CustomerMessageArrived(workspace, actor, id, slot.previousStatus()));
		}
		return slot;
	}

	/**
	 * Locks the conversation until the current transaction ends, so that changes to what
	 * hangs off it (assignment, handoff, followers) happen one after the other.
	 * @throws ConversationNotFound when the workspace has no such conversation
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Conversation lock(WorkspaceId workspace, ConversationId id) {
		return this.conversations.findForUpdate(workspace, id).orElseThrow(ConversationNotFound::new);
	}

	public void requireExists(WorkspaceId workspace, ConversationId id) {
		if (!this.conversations.exists(workspace, id)) {
			throw new ConversationNotFound();
		}
	}

}

package dev.woes.participant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.Conversation;
import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationPayload;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.message.AuthorActivity;
import dev.woes.message.MessageAuthor;
import dev.woes.message.MessageThread;
import dev.woes.operator.OperatorDirectory;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists who takes part in a conversation, from its messages' authors and its followers,
 * and adds or removes followers. Follows of one conversation change under its lock.
 */
@Service
public class ConversationParticipants {

	private final Followers followers;

	private final ConversationManagement conversations;

	private final MessageThread thread;

	private final OperatorDirectory operators;

	private final EventLog events;

	private final Clock clock;

	ConversationParticipants(Followers followers, ConversationManagement conversations, MessageThread thread,
			OperatorDirectory operators, EventLog events, Clock clock) {
		this.followers = followers;
		this.conversations = conversations;
		this.thread = thread;
		this.operators = operators;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The customer first, then everyone else in the order they joined.
	 */
	@Transactional(readOnly = true)
	public List<Participant> of(WorkspaceId workspace, ConversationId id) {
		Conversation conversation = this.conversations.get(workspace, id);
		Map<String, Participant> byAuthor = new LinkedHashMap<>();
		Instant customerActive = null;
		for (AuthorActivity activity : this.thread.authors(workspace, id)) {
			MessageAuthor author = activity.author();
			if (MessageAuthor.CUSTOMER.equals(author.type())) {
				customerActive = activity.lastAt();
				continue;
			}
			byAuthor.put(author.type() + ":" + author.id(),
					new Participant(author.type(), author.id(), false, activity.firstAt(), activity.lastAt()));
		}
		for (Follower follower : this.followers.of(workspace, id)) {
			String key = MessageAuthor.OPERATOR + ":" + follower.operatorId();
			Participant wrote = byAuthor.get(key);
			Instant joined = (wrote != null && wrote.joinedAt().isBefore(follower.addedAt())) ? wrote.joinedAt()
					: follower.addedAt();
			byAuthor.put(key, new Participant(MessageAuthor.OPERATOR, follower.operatorId().toString(), true, joined,
					(wrote != null) ? wrote.lastActiveAt() : null));
		}
		List<Participant> others = new ArrayList<>(byAuthor.values());
		others.sort(Comparator.comparing(Participant::joinedAt));
		List<Participant> all = new ArrayList<>();
		all.add(new Participant(MessageAuthor.CUSTOMER, conversation.customer().id(), false, conversation.createdAt(),
				customerActive));
		all.addAll(others);
		return all;
	}

	/**
	 * Adds an operator as a follower; one already following is left as is and nothing is
	 * recorded.
	 * @return whether the operator was added
	 */
	@Transactional
	public boolean follow(WorkspaceId workspace, Actor actor, ConversationId id, UUID operatorId) {
		Conversation conversation = this.conversations.lock(workspace, id);
		this.operators.require(workspace, operatorId);
		Follower follower = new Follower(operatorId, Timestamps.now(this.clock));
		if (!this.followers.add(workspace, id, follower)) {
			return false;
		}
		record(workspace, EventType.CONVERSATION_PARTICIPANT_ADDED, actor, conversation, follower);
		return true;
	}

	/**
	 * Removes a follower. What they wrote keeps them among the participants.
	 * @throws NotAFollower when the operator does not follow the conversation
	 */
	@Transactional
	public void unfollow(WorkspaceId workspace, Actor actor, ConversationId id, UUID operatorId) {
		Conversation conversation = this.conversations.lock(workspace, id);
		if (!this.followers.remove(workspace, id, operatorId)) {
			throw new NotAFollower();
		}
		record(workspace, EventType.CONVERSATION_PARTICIPANT_REMOVED, actor, conversation,
				new Follower(operatorId, Timestamps.now(this.clock)));
	}

	private void record(WorkspaceId workspace, EventType type, Actor actor, Conversation conversation,
			Follower follower) {
		Map<String, Object> data = ConversationPayload.of(conversation);
		Map<String, Object> participant = new LinkedHashMap<>();
		participant.put("type", MessageAuthor.OPERATOR);
		participant.put("id", follower.operatorId().toString());
		participant.put("at", Timestamps.format(follower.addedAt()));
		data.put("participant", participant);
		this.events.record(workspace, type, actor, conversation.id().value(), data);
	}

}

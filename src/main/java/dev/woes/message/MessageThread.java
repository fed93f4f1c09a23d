package dev.woes.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationPayload;
import dev.woes.conversation.MessageSlot;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.operator.OperatorDirectory;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts messages to a conversation's thread and reads the thread back, oldest first.
 */
@Service
public class MessageThread {

	private final Messages messages;

	private final ConversationManagement conversations;

	private final EventLog events;

	private final Clock clock;

	private final OperatorDirectory operators;

	MessageThread(Messages messages, ConversationManagement conversations, OperatorDirectory operators, EventLog events,
			Clock clock) {
		this.messages = messages;
		this.conversations = conversations;
		this.operators = operators;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Appends a message. The conversation's activity and the message commit together, and
	 * the conversation's row lock orders concurrent posts.
	 */
	@Transactional
	public Message post(WorkspaceId workspace, Actor actor, ConversationId conversation, Role role, String body) {
		return post(workspace, actor, conversation, role, null, body);
	}

	/**
	 * Appends a message written by a named author, such as an operator's reply.
	 * @param author who wrote it; {@code null} for the author the role implies (the
	 * customer for {@code user}, an automation for {@code assistant})
	 */
	@Transactional
	public Message post(WorkspaceId workspace, Actor actor, ConversationId conversation, Role role,
			MessageAuthor author, String body) {
		Instant now = Timestamps.now(this.clock);
		MessageSlot slot = this.conversations.recordMessage(workspace, actor, conversation, body, now,
				role == Role.USER);
		MessageAuthor writer = (author != null) ? author
				: MessageAuthor.implied(role, slot.conversation().customer().id());
		Message message = new Message(MessageId.generate(), conversation, slot.position(), role, body,
				Message.DELIVERED, slot.at(), writer);
		this.messages.add(workspace, message);
		Map<String, Object> data = ConversationPayload.of(slot.conversation());
		data.put("message", MessagePayload.of(message));
		this.events.record(workspace, EventType.CONVERSATION_MESSAGE_CREATED, actor, conversation.value(), data);
		return message;
	}

	/**
	 * Records an operator's reply: an {@code assistant} message the operator wrote, with
	 * the operator as the event's actor. Like any support-side message it leaves the
	 * status as it is (a solved conversation stays solved) and it does not assign the
	 * operator. A missing conversation is found by the statement that records the message
	 * (no look of its own); a missing operator, before it (without a round trip when this
	 * node found the operator within the last seconds, see
	 * {@link OperatorDirectory#requireExisting}).
	 */
	@Transactional
	public Message reply(WorkspaceId workspace, ConversationId conversation, UUID operatorId, String body) {
		this.operators.requireExisting(workspace, operatorId);
		return post(workspace, Actor.operator(operatorId), conversation, Role.ASSISTANT,
				MessageAuthor.operator(operatorId), body);
	}

	/**
	 * Everyone who wrote in the conversation, in the order they first wrote.
	 */
	@Transactional(readOnly = true)
	public List<AuthorActivity> authors(WorkspaceId workspace, ConversationId conversation) {
		return this.messages.authors(workspace, conversation);
	}

	@Transactional(readOnly = true)
	public Page<Message> read(WorkspaceId workspace, ConversationId conversation, MessageId startingAfter, int limit) {
		long after = 0;
		if (startingAfter != null) {
			this.conversations.requireExists(workspace, conversation);
			after = this.messages.positionOf(workspace, conversation, startingAfter)
				.orElseThrow(UnknownMessageCursor::new);
		}
		List<Message> rows = this.messages.list(workspace, conversation, after, limit + 1);
		if (rows.isEmpty() && startingAfter == null) {
			this.conversations.requireExists(workspace, conversation);
		}
		return Page.fromOverfetch(rows, limit);
	}

	/**
	 * A message of the conversation, with its author, for operator views.
	 */
	@Transactional(readOnly = true)
	public Optional<Message> find(WorkspaceId workspace, ConversationId conversation, MessageId message) {
		return this.messages.find(workspace, conversation, message);
	}

	/**
	 * Up to {@code rows} messages of a conversation sorting after {@code (at, position)}
	 * in {@code (createdAt, position)} order, for operator views that merge the thread
	 * with other records.
	 */
	@Transactional(readOnly = true)
	public List<Message> afterTime(WorkspaceId workspace, ConversationId conversation, Instant at, long position,
			int rows) {
		return this.messages.afterTime(workspace, conversation, at, position, rows);
	}

}

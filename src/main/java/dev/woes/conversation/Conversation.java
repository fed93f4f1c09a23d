package dev.woes.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's conversation with the team. Its rules: {@code closedAt} is set when it
 * becomes {@code solved} and cleared when it leaves; {@code updatedAt} moves only when
 * something changes; {@code preview} and {@code lastMessageAt} follow messages and start
 * as the subject and the creation time.
 */
public final class Conversation {

	private final ConversationId id;

	private final String externalId;

	private final Channel channel;

	private final Customer customer;

	private final Instant createdAt;

	private ConversationStatus status;

	private String priority;

	private String subject;

	private String preview;

	private Instant updatedAt;

	private Instant lastMessageAt;

	private Instant closedAt;

	private final long messageCount;

	Conversation(ConversationId id, String externalId, Channel channel, ConversationStatus status, String priority,
			String subject, String preview, Customer customer, Instant createdAt, Instant updatedAt,
			Instant lastMessageAt, Instant closedAt, long messageCount) {
		this.id = Objects.requireNonNull(id);
		this.externalId = externalId;
		this.channel = Objects.requireNonNull(channel);
		this.status = Objects.requireNonNull(status);
		this.priority = Objects.requireNonNull(priority);
		this.subject = Objects.requireNonNull(subject);
		this.preview = Objects.requireNonNull(preview);
		this.customer = Objects.requireNonNull(customer);
		this.createdAt = Objects.requireNonNull(createdAt);
		this.updatedAt = updatedAt;
		this.lastMessageAt = Objects.requireNonNull(lastMessageAt);
		this.closedAt = closedAt;
		this.messageCount = messageCount;
	}

	/**
	 * Opens a new conversation; until a message arrives its preview is the subject.
	 */
	public static Conversation open(String externalId, Channel channel, String priority, String subject,
			Customer customer, Instant now) {
		return new Conversation(ConversationId.generate(), externalId, channel, ConversationStatus.OPEN, priority,
				subject, Preview.of(subject), customer, now, now, now, null, 0);
	}

	/**
	 * Rebuilds a stored conversation.
	 */
	public static Conversation restore(ConversationId id, String externalId, Channel channel, ConversationStatus status,
			String priority, String subject, String preview, Customer customer, Instant createdAt, Instant updatedAt,
			Instant lastMessageAt, Instant closedAt, long messageCount) {
		return new Conversation(id, externalId, channel, status, priority, subject, preview, customer, createdAt,
				updatedAt, lastMessageAt, closedAt, messageCount);
	}

	/**
	 * Moves the conversation to a lifecycle status by the transition that status names.
	 */
	public void moveTo(ConversationStatus target, Instant now) {
		switch (target) {
			case SOLVED -> solve(now);
			case OPEN -> reopen(now);
			case WAITING -> awaitReply(now);
		}
	}

	public void solve(Instant now) {
		if (this.status != ConversationStatus.SOLVED) {
			this.status = ConversationStatus.SOLVED;
			this.closedAt = now;
			this.updatedAt = now;
		}
	}

	public void reopen(Instant now) {
		leaveFor(ConversationStatus.OPEN, now);
	}

	public void awaitReply(Instant now) {
		leaveFor(ConversationStatus.WAITING, now);
	}

	private void leaveFor(ConversationStatus target, Instant now) {
		if (this.status != target) {
			this.status = target;
			this.closedAt = null;
			this.updatedAt = now;
		}
	}

	public void retitle(String newSubject, Instant now) {
		if (!this.subject.equals(newSubject)) {
			this.subject = newSubject;
			if (this.messageCount == 0) {
				this.preview = Preview.of(newSubject);
			}
			this.updatedAt = now;
		}
	}

	public void prioritize(String newPriority, Instant now) {
		if (!this.priority.equals(newPriority)) {
			this.priority = newPriority;
			this.updatedAt = now;
		}
	}

	public ConversationId id() {
		return this.id;
	}

	public String externalId() {
		return this.externalId;
	}

	public Channel channel() {
		return this.channel;
	}

	public ConversationStatus status() {
		return this.status;
	}

	public String priority() {
		return this.priority;
	}

	public String subject() {
		return this.subject;
	}

	public String preview() {
		return this.preview;
	}

	public Customer customer() {
		return this.customer;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant lastMessageAt() {
		return this.lastMessageAt;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public long messageCount() {
		return this.messageCount;
	}

}

package dev.woes.issue;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.woes.conversation.ConversationId;

/**
 * A private note of the team on an issue: operator-only, never shown to a customer.
 *
 * @param authorId the operator who wrote it, or null when the calling key wrote it for
 * nobody in particular
 * @param sourceConversationId the conversation whose private note this is a copy of, or
 * null for a note written on the issue
 */
public record IssueNote(IssueNoteId id, IssueId issueId, UUID authorId, String body,
		ConversationId sourceConversationId, Instant createdAt, Instant updatedAt) {

	public IssueNote {
		Objects.requireNonNull(id);
		Objects.requireNonNull(issueId);
		Objects.requireNonNull(body);
		Objects.requireNonNull(createdAt);
		Objects.requireNonNull(updatedAt);
	}

	public static IssueNote write(IssueId issue, UUID authorId, String body, Instant now) {
		return new IssueNote(IssueNoteId.generate(), issue, authorId, body, null, now, now);
	}

	/**
	 * Copies a conversation's private note onto an issue, keeping its author and time.
	 */
	public static IssueNote copyOf(IssueId issue, ConversationId conversation, ConversationNotesSource.Note note) {
		return new IssueNote(IssueNoteId.generate(), issue, note.authorId(), note.body(), conversation,
				note.createdAt(), note.createdAt());
	}

	public IssueNote rewrite(String newBody, Instant now) {
		if (this.body.equals(newBody)) {
			return this;
		}
		return new IssueNote(this.id, this.issueId, this.authorId, newBody, this.sourceConversationId, this.createdAt,
				now);
	}

}

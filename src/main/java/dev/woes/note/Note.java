package dev.woes.note;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationId;

/**
 * A private note on a conversation: seen by operators, never by the customer. It is its
 * own type, kept in its own table, so no code path that serves customers can carry one.
 *
 * @param mentions the ids of the operators the body mentions, in order of first mention
 * @param updatedAt equals {@code createdAt} until the note is edited
 */
public record Note(NoteId id, ConversationId conversationId, NoteAuthor author, String body, List<UUID> mentions,
		Instant createdAt, Instant updatedAt) {

	public Note {
		mentions = List.copyOf(mentions);
	}

	/**
	 * The note with a new body, the mentions resolved from it, and the time of the edit.
	 */
	Note edit(String newBody, List<UUID> newMentions, Instant at) {
		return new Note(this.id, this.conversationId, this.author, newBody, newMentions, this.createdAt,
				at.isAfter(this.createdAt) ? at : this.createdAt);
	}

}

package dev.woes.note;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * The notes of every workspace; each method sees one workspace only. A conversation's
 * notes are ordered by {@code (createdAt, id)}.
 */
public interface Notes {

	void add(WorkspaceId workspace, Note note);

	Optional<Note> find(WorkspaceId workspace, ConversationId conversation, NoteId id);

	/**
	 * Stores a note's body, mentions and {@code updatedAt}.
	 * @return whether the note still existed
	 */
	boolean update(WorkspaceId workspace, Note note);

	/**
	 * Removes the note and answers it as it was, if it existed.
	 */
	Optional<Note> remove(WorkspaceId workspace, ConversationId conversation, NoteId id);

	/**
	 * Up to {@code rows} notes of a conversation whose {@code (createdAt, id)} sorts
	 * after {@code (at, id)}, oldest first.
	 */
	List<Note> after(WorkspaceId workspace, ConversationId conversation, Instant at, UUID id, int rows);

}

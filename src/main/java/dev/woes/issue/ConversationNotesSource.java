package dev.woes.issue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * Where the private notes of a conversation are read from when an issue is raised from
 * it: they are copied onto the new issue.
 */
public interface ConversationNotesSource {

	/**
	 * The conversation's private notes, oldest first.
	 */
	List<Note> notesOf(WorkspaceId workspace, ConversationId conversation);

	/**
	 * A conversation's private note as the issue copies it.
	 *
	 * @param authorId the operator who wrote it, or null when an automation did
	 */
	record Note(UUID authorId, String body, Instant createdAt) {

	}

}

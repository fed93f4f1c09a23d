package dev.woes.issue;

import java.util.List;

import dev.woes.conversation.ConversationId;
import dev.woes.note.NoteBook;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Component;

/**
 * Reads a conversation's private notes from the conversation's note book.
 */
@Component
class NoteBookNotes implements ConversationNotesSource {

	private final NoteBook notes;

	NoteBookNotes(NoteBook notes) {
		this.notes = notes;
	}

	@Override
	public List<Note> notesOf(WorkspaceId workspace, ConversationId conversation) {
		return this.notes.notesOf(workspace, conversation)
			.stream()
			.map((note) -> new Note(note.author().operatorId(), note.body(), note.createdAt()))
			.toList();
	}

}

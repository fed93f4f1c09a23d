package dev.woes.note;

import dev.woes.shared.RecordNotFound;

public class NoteNotFound extends RecordNotFound {

	public NoteNotFound() {
		super("Note not found.");
	}

}

package dev.woes.issue;

import dev.woes.shared.RecordNotFound;

public class IssueNoteNotFound extends RecordNotFound {

	public IssueNoteNotFound() {
		super("Note not found.");
	}

}

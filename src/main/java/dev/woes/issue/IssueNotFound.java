package dev.woes.issue;

import dev.woes.shared.RecordNotFound;

public class IssueNotFound extends RecordNotFound {

	public IssueNotFound() {
		super("Issue not found.");
	}

}

package dev.woes.issue;

import dev.woes.shared.RecordConflict;

/**
 * The issue already links to that key of that provider.
 */
public class DuplicateExternalLink extends RecordConflict {

	public DuplicateExternalLink() {
		super("The issue already has an external link with this provider and key.");
	}

}

package dev.woes.issue;

import dev.woes.shared.RecordConflict;

/**
 * An issue holds at most {@value ExternalLink#MAX_PER_ISSUE} external links.
 */
public class TooManyExternalLinks extends RecordConflict {

	public TooManyExternalLinks() {
		super("An issue holds at most " + ExternalLink.MAX_PER_ISSUE + " external links; remove one first.");
	}

}

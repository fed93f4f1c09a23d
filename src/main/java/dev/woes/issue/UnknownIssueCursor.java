package dev.woes.issue;

import dev.woes.shared.InvalidRequest;

/**
 * {@code startingAfter} names no issue of the workspace, so there is no place to resume.
 */
public class UnknownIssueCursor extends InvalidRequest {

	public UnknownIssueCursor() {
		super("startingAfter must be the id of an issue in this workspace.");
	}

}

package dev.woes.auth;

import dev.woes.workspace.WorkspaceId;

/**
 * The authenticated caller of a request: the key, and through it the workspace.
 */
public record Caller(ApiKey key) {

	public static final String REQUEST_ATTRIBUTE = Caller.class.getName();

	public WorkspaceId workspace() {
		return this.key.id().workspace();
	}

}

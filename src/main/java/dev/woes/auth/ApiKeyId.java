package dev.woes.auth;

import java.util.Objects;
import java.util.UUID;

import dev.woes.workspace.WorkspaceId;

/**
 * Identifies a key within its workspace.
 */
public record ApiKeyId(WorkspaceId workspace, UUID value) {

	public ApiKeyId {
		Objects.requireNonNull(workspace, "workspace");
		Objects.requireNonNull(value, "value");
	}

}

package dev.woes.workspace;

import java.time.Instant;

/**
 * A tenant of the server: a team's support desk with its own conversations and keys.
 */
public record Workspace(WorkspaceId id, WorkspaceSlug slug, String name, Instant createdAt) {

	public static Workspace create(String name, Instant now) {
		WorkspaceSlug slug = WorkspaceSlug.fromName(name);
		return new Workspace(WorkspaceId.forSlug(slug), slug, name.strip(), now);
	}

}

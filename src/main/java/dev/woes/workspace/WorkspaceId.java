package dev.woes.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a workspace. It is derived from the workspace's slug (a name-based UUID), so
 * the primary key alone keeps slugs unique and a slug can be resolved without a global
 * index.
 */
public record WorkspaceId(UUID value) {

	public WorkspaceId {
		Objects.requireNonNull(value, "value");
	}

	public static WorkspaceId forSlug(WorkspaceSlug slug) {
		return new WorkspaceId(
				UUID.nameUUIDFromBytes(("woes-workspace:" + slug.value()).getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

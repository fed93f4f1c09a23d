package dev.woes.conversation.persistence;

import java.util.concurrent.TimeUnit;

import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ConcurrentLruCache;

/**
 * Which workspaces hold fewer than {@value #LIMIT} conversations, as far as this node
 * knew within the last minute. In such a workspace any one tag, operator or team has
 * fewer conversations than that, so a list that reads all of a tag's conversations and
 * then sorts them has a cost with a known bound, whatever the tag.
 * <p>
 * Counting stops at the limit: at most {@value #LIMIT} index entries, once a minute per
 * workspace that asks, in a statement of its own before the asking list. A workspace that
 * grows past the limit is treated as large within a minute.
 */
@Component
class SmallWorkspaces {

	static final int LIMIT = 25_000;

	private static final long RECHECK_AFTER = TimeUnit.MINUTES.toNanos(1);

	private final JdbcClient jdbc;

	private final ConcurrentLruCache<WorkspaceId, Size> sizes;

	SmallWorkspaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.sizes = new ConcurrentLruCache<>(10_000, this::count);
	}

	/**
	 * Whether the workspace has fewer than {@value #LIMIT} conversations; counts them
	 * when this node has not within the last minute.
	 */
	boolean contains(WorkspaceId workspace) {
		Size size = this.sizes.get(workspace);
		if (System.nanoTime() - size.countedAt() > RECHECK_AFTER) {
			this.sizes.remove(workspace);
			size = this.sizes.get(workspace);
		}
		return size.small();
	}

	private Size count(WorkspaceId workspace) {
		long conversations = this.jdbc
			.sql("""
					SELECT count(*) FROM (SELECT 1 FROM conversations WHERE workspace_id = :workspace LIMIT :limit) AS counted
					""")
			.param("workspace", workspace.value())
			.param("limit", LIMIT)
			.query(Long.class)
			.single();
		return new Size(conversations < LIMIT, System.nanoTime());
	}

	private record Size(boolean small, long countedAt) {
	}

}

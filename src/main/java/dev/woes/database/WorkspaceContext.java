package dev.woes.database;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Binds the current thread's database work to one workspace: row-level security then
 * shows and accepts only that workspace's rows, whatever a query's own {@code WHERE}
 * says. The authentication filter opens one for every request with an authenticated
 * caller, so repository code needs nothing of its own. Without a context (and outside
 * {@link SystemAccess}) every tenant table reads as empty and refuses writes.
 */
public final class WorkspaceContext {

	private WorkspaceContext() {
	}

	/**
	 * Binds the thread to the workspace until the handle is closed.
	 * @throws IllegalStateException inside a transaction that started under another
	 * context
	 */
	public static Scope enter(UUID workspace) {
		Access.Scope scope = Access.workspace(workspace).enter();
		return scope::close;
	}

	/**
	 * Runs the work bound to the workspace.
	 */
	public static <T> T call(UUID workspace, Supplier<T> work) {
		try (Scope scope = enter(workspace)) {
			return work.get();
		}
	}

	/**
	 * An open workspace context; closing it restores the one before.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}

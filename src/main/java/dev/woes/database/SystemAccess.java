package dev.woes.database;

import java.util.function.Supplier;

/**
 * The one way for database work to see every workspace's rows: work that legitimately
 * spans workspaces, or runs before a workspace is known (finding a key by its hash,
 * recording key use, first start, the command line, background jobs that serve every
 * workspace). Everything else runs in a {@link WorkspaceContext} or sees nothing. Its
 * transactions run as the {@link SystemRole} ({@code SET LOCAL ROLE}).
 *
 * <p>
 * Keep each use narrow and easy to find: {@code grep -rn SystemAccess src/main}. Work for
 * one item of one workspace is better done in {@link WorkspaceContext#call} for that
 * workspace. System access must begin outside a transaction (the transaction starts
 * inside it), since a running transaction keeps the connection it has.
 */
public final class SystemAccess {

	private SystemAccess() {
	}

	public static <T> T call(Supplier<T> work) {
		try (Access.Scope scope = Access.SYSTEM.enter()) {
			return work.get();
		}
	}

	public static void run(Runnable work) {
		try (Access.Scope scope = Access.SYSTEM.enter()) {
			work.run();
		}
	}

}

package dev.woes.database;

import java.util.Objects;
import java.util.UUID;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which rows the current thread's database work may see: one workspace's, every
 * workspace's (system work), or none at all, the default. A connection checked out of the
 * pool carries it into every transaction it runs ({@link ScopedConnection}).
 */
record Access(UUID workspace, boolean system) {

	static final Access NONE = new Access(null, false);

	static final Access SYSTEM = new Access(null, true);

	private static final ThreadLocal<Access> CURRENT = ThreadLocal.withInitial(() -> NONE);

	static Access workspace(UUID workspace) {
		return new Access(Objects.requireNonNull(workspace, "workspace"), false);
	}

	static Access current() {
		return CURRENT.get();
	}

	/**
	 * Makes this the thread's access until the returned handle is closed, which restores
	 * the previous one. A transaction that is already running keeps the connection it
	 * has, so switching inside one would not take effect: that is refused.
	 */
	Scope enter() {
		Access previous = CURRENT.get();
		if (!previous.equals(this) && TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Database access cannot change inside a running transaction; start the transaction inside it.");
		}
		CURRENT.set(this);
		return () -> CURRENT.set(previous);
	}

	/**
	 * The value of {@code woes.workspace_id} for this access: the workspace, or empty.
	 */
	String workspaceSetting() {
		return (this.workspace != null) ? this.workspace.toString() : "";
	}

	/**
	 * Ends an access started by {@link Access#enter()}.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}

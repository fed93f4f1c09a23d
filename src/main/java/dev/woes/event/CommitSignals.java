package dev.woes.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import dev.woes.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every node that a workspace has new events, after the writing transaction
 * committed and outside it: a PostgreSQL {@code NOTIFY} on the channel {@value #CHANNEL}
 * whose payload is a comma-separated list of workspace ids. Workspaces that commit while
 * a notification is being sent are coalesced into the next one, and after each
 * notification the sender rests {@value #REST_MILLIS} ms: the first commit after a quiet
 * spell is signalled at once, while a busy workspace costs at most a few hundred
 * notifications a second however fast it writes. No writer ever waits for the
 * notification queue's lock in its own commit (see docs/events.md for the figures). A
 * signal lost to a crash or a database hiccup only delays delivery until the streams'
 * periodic catch-up read.
 */
@Component
public class CommitSignals implements SmartLifecycle {

	/**
	 * The PostgreSQL notification channel.
	 */
	public static final String CHANNEL = "woes_events";

	/**
	 * Workspace ids per notification: a payload must stay under 8000 bytes.
	 */
	private static final int PER_NOTIFICATION = 200;

	/**
	 * The rest after each notification, in which new commits gather for the next one.
	 */
	static final long REST_MILLIS = 5;

	private static final Logger log = LoggerFactory.getLogger(CommitSignals.class);

	private final JdbcClient jdbc;

	private final Set<WorkspaceId> changed = ConcurrentHashMap.newKeySet();

	private volatile Thread sender;

	/**
	 * Whether the sender waits for a commit: only then does a commit wake it. Waking a
	 * thread costs a system call, and the commits that arrive while it sends or rests are
	 * picked up when it looks again.
	 */
	private volatile boolean idle;

	private volatile boolean running;

	CommitSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Notes that the workspace has newly committed events; returns at once.
	 */
	void committed(WorkspaceId workspace) {
		this.changed.add(workspace);
		if (this.idle) {
			this.idle = false;
			Thread thread = this.sender;
			if (thread != null) {
				LockSupport.unpark(thread);
			}
		}
	}

	private void send() {
		while (this.running || !this.changed.isEmpty()) {
			if (this.changed.isEmpty()) {
				// Idle first, then look again: a commit either finds the flag set or
				// is seen here.
				this.idle = true;
				if (this.changed.isEmpty() && this.running) {
					LockSupport.parkNanos(100_000_000L);
				}
				this.idle = false;
				continue;
			}
			List<String> workspaces = new ArrayList<>();
			for (WorkspaceId workspace : this.changed) {
				if (this.changed.remove(workspace)) {
					workspaces.add(workspace.toString());
				}
			}
			try {
				for (int from = 0; from < workspaces.size(); from += PER_NOTIFICATION) {
					List<String> chunk = workspaces.subList(from, Math.min(workspaces.size(), from + PER_NOTIFICATION));
					// A notification commits without waiting for the flush of its
					// commit record: one lost in a crash only delays the streams.
					this.jdbc.sql("SELECT set_config('synchronous_commit', 'off', true), pg_notify(:channel, :payload)")
						.param("channel", CHANNEL)
						.param("payload", String.join(",", chunk))
						.query()
						.listOfRows();
				}
				rest();
			}
			catch (RuntimeException ex) {
				log.warn("Could not signal new events; streams catch up at their next periodic read", ex);
				if (!this.running) {
					return;
				}
				LockSupport.parkNanos(1_000_000_000L);
			}
		}
	}

	/**
	 * Rests the full {@link #REST_MILLIS}; commits do not wake the sender meanwhile.
	 */
	private static void rest() {
		long until = System.nanoTime() + REST_MILLIS * 1_000_000L;
		for (long left = REST_MILLIS * 1_000_000L; left > 0; left = until - System.nanoTime()) {
			LockSupport.parkNanos(left);
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.sender = Thread.ofPlatform().daemon().name("woes-commit-signals").start(this::send);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.sender;
		if (thread != null) {
			LockSupport.unpark(thread);
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the web server finished its last requests and before the database goes.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

}

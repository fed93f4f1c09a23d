package dev.woes.feed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;

import dev.woes.database.DatabaseServer;
import dev.woes.event.CommitSignals;
import dev.woes.workspace.WorkspaceId;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for {@link CommitSignals} on one connection of its own, outside the pool, and
 * reconnects when it breaks. Notifications sent while it was disconnected are lost, so
 * every (re)connection is reported: the streams then read their feeds at once.
 */
final class CommitListener {

	private static final Logger log = LoggerFactory.getLogger(CommitListener.class);

	private static final int WAIT_MILLIS = 250;

	private final DatabaseServer database;

	private final Consumer<WorkspaceId> onCommitted;

	private final Runnable onConnected;

	private volatile boolean running;

	private Thread thread;

	CommitListener(DatabaseServer database, Consumer<WorkspaceId> onCommitted, Runnable onConnected) {
		this.database = database;
		this.onCommitted = onCommitted;
		this.onConnected = onConnected;
	}

	void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("woes-commit-listener").start(this::listen);
	}

	void stop() {
		this.running = false;
		if (this.thread != null) {
			try {
				this.thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void listen() {
		long backoff = 100;
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(),
					this.database.password())) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CommitSignals.CHANNEL);
				}
				backoff = 100;
				this.onConnected.run();
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							dispatch(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Lost the event notification connection; reconnecting in {} ms", backoff, ex);
				sleep(backoff);
				backoff = Math.min(backoff * 2, 5_000);
			}
		}
	}

	private void dispatch(String payload) {
		for (String id : payload.split(",")) {
			try {
				this.onCommitted.accept(new WorkspaceId(UUID.fromString(id)));
			}
			catch (IllegalArgumentException ex) {
				log.debug("Ignored a malformed event notification: {}", id);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

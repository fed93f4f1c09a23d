package dev.woes.event;

import java.time.Clock;
import java.time.Instant;

import dev.woes.database.SystemAccess;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes events older than the retention period ({@code WOES_EVENTS_RETENTION}, 30 days
 * by default), for every workspace, every {@code woes.events.purge-interval}. Each batch
 * is its own short transaction (a long one would hold the feed back for everyone) that
 * first takes a transaction-level advisory lock in a statement of its own and deletes
 * only once it holds it: when several nodes purge at once, one deletes and the others,
 * finding the lock taken, skip the round.
 */
@Component
public class EventRetention {

	/**
	 * The advisory lock key of the purge ("woesevnt" as a number).
	 */
	static final long PURGE_LOCK = 0x776f65736576_6e74L;

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	private final EventSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EventRetention(JdbcClient jdbc, Workspaces workspaces, EventSettings settings, TransactionTemplate transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${woes.events.purge-interval:10m}",
			fixedDelayString = "${woes.events.purge-interval:10m}")
	void purgeOnSchedule() {
		try {
			purgeExpired();
		}
		catch (RuntimeException ex) {
			log.warn("Could not purge expired events; will try again", ex);
		}
	}

	/**
	 * Deletes every event that occurred before now minus the retention period.
	 * @return how many events were deleted
	 */
	public long purgeExpired() {
		// Every workspace's events, found by workspace: background work of the whole
		// server.
		return SystemAccess.call(this::purgeEveryWorkspace);
	}

	private long purgeEveryWorkspace() {
		Instant cutoff = Timestamps.now(this.clock).minus(this.settings.retention());
		long deleted = 0;
		purge: for (Workspace workspace : this.workspaces.all()) {
			int batch;
			do {
				Integer purged = this.transactions.execute((status) -> purgeBatch(workspace, cutoff));
				if (purged == null) {
					log.debug("Another purge holds the lock; skipping this round");
					break purge;
				}
				batch = purged;
				deleted += batch;
			}
			while (batch == this.settings.purgeBatchSize());
		}
		if (deleted > 0) {
			log.info("Purged {} events older than {}", deleted, Timestamps.format(cutoff));
		}
		return deleted;
	}

	/**
	 * Deletes one batch of the workspace's expired events in the running transaction,
	 * once it holds the purge lock (until the transaction ends).
	 * @return how many events were deleted, or null when another purge holds the lock
	 */
	private Integer purgeBatch(Workspace workspace, Instant cutoff) {
		boolean locked = this.jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
			.param("lock", PURGE_LOCK)
			.query(Boolean.class)
			.single();
		if (!locked) {
			return null;
		}
		return this.jdbc.sql("""
				DELETE FROM events
				WHERE workspace_id = :workspace
				  AND event_id IN (SELECT event_id FROM events
				                    WHERE workspace_id = :workspace AND occurred_at < :cutoff
				                    LIMIT :batch)
				""")
			.param("workspace", workspace.id().value())
			.param("cutoff", Timestamps.toSql(cutoff))
			.param("batch", this.settings.purgeBatchSize())
			.update();
	}

}

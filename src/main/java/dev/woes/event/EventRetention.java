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

/**
 * Deletes events older than the retention period ({@code WOES_EVENTS_RETENTION}, 30 days
 * by default), for every workspace, every {@code woes.events.purge-interval}. Each batch
 * is its own short transaction (a long one would hold the feed back for everyone) and
 * takes a transaction-level advisory lock, so when several nodes purge at once only one
 * deletes and the others skip.
 */
@Component
public class EventRetention {

	/**
	 * The advisory lock key of the purge ("woesevnt" as a number).
	 */
	private static final long PURGE_LOCK = 0x776f65736576_6e74L;

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	private final JdbcClient jdbc;

	private final Workspaces workspaces;

	private final EventSettings settings;

	private final Clock clock;

	EventRetention(JdbcClient jdbc, Workspaces workspaces, EventSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.workspaces = workspaces;
		this.settings = settings;
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
		for (Workspace workspace : this.workspaces.all()) {
			int batch;
			do {
				batch = this.jdbc.sql("""
						DELETE FROM events
						WHERE workspace_id = :workspace
						  AND event_id IN (SELECT event_id FROM events
						                    WHERE workspace_id = :workspace AND occurred_at < :cutoff
						                    LIMIT :batch)
						  AND pg_try_advisory_xact_lock(:lock)
						""")
					.param("workspace", workspace.id().value())
					.param("cutoff", Timestamps.toSql(cutoff))
					.param("batch", this.settings.purgeBatchSize())
					.param("lock", PURGE_LOCK)
					.update();
				deleted += batch;
			}
			while (batch == this.settings.purgeBatchSize());
		}
		if (deleted > 0) {
			log.info("Purged {} events older than {}", deleted, Timestamps.format(cutoff));
		}
		return deleted;
	}

}

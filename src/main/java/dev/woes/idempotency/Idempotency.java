package dev.woes.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves keys and stores answers. Both run in the transaction of the write itself, so
 * "the write happened" and "its answer is stored" commit together or not at all: a crash
 * at any moment leaves either both or neither.
 */
@Service
public class Idempotency {

	private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

	private final IdempotencyRecords records;

	private final Clock clock;

	private final Duration ttl;

	Idempotency(IdempotencyRecords records, Clock clock, @Value("${woes.idempotency.ttl:24h}") Duration ttl) {
		this.records = records;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * Decides what a request with this key gets. Must run in the transaction that will
	 * carry the write and {@link #store}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Reservation reserve(WorkspaceId workspace, IdempotencyKey key, Fingerprint request) {
		if (!this.records.tryLock(workspace, key)) {
			return new Reservation.InProgress();
		}
		Optional<IdempotencyRecord> stored = this.records.find(workspace, key);
		if (stored.isEmpty()) {
			return new Reservation.Granted();
		}
		IdempotencyRecord record = stored.get();
		if (record.createdAt().isBefore(Timestamps.now(this.clock).minus(this.ttl))) {
			this.records.delete(workspace, key);
			return new Reservation.Granted();
		}
		String mismatch = record.fingerprint().mismatch(request);
		return (mismatch != null) ? new Reservation.Reused(mismatch) : new Reservation.Replay(record.response());
	}

	/**
	 * Stores the answer of a granted request, in the transaction of its write.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void store(WorkspaceId workspace, IdempotencyKey key, Fingerprint request, StoredResponse response) {
		this.records.add(workspace, new IdempotencyRecord(key, request, response, Timestamps.now(this.clock)));
	}

	/**
	 * Deletes answers older than the time they are kept for; answers how many.
	 */
	@Transactional
	public int purgeExpired() {
		return this.records.deleteOlderThan(Timestamps.now(this.clock).minus(this.ttl));
	}

	@Scheduled(initialDelayString = "${woes.idempotency.purge-interval:10m}",
			fixedDelayString = "${woes.idempotency.purge-interval:10m}")
	@Transactional
	void purgeOnSchedule() {
		int purged = this.records.deleteOlderThan(Timestamps.now(this.clock).minus(this.ttl));
		if (purged > 0) {
			log.debug("Purged {} expired idempotency keys", purged);
		}
	}

}

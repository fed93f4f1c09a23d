package dev.woes.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The line in front of the connection pool: as many places as the pool has connections,
 * taken in the order they were asked for. A thread waits here, not in the pool, so the
 * pool always has a connection free for whoever gets a place: it never hands one to a
 * newcomer ahead of a thread that has been waiting, and never starts its
 * connection-adding work for a pool that is already full (each such start woke one of its
 * threads, for every request that had to wait).
 */
final class ConnectionQueue {

	private final Semaphore places;

	private final long timeoutMillis;

	/**
	 * @param places the pool's maximum size
	 * @param timeoutMillis how long a thread may wait for a place, the pool's own
	 * connection timeout
	 */
	ConnectionQueue(int places, long timeoutMillis) {
		this.places = new Semaphore(places, true);
		this.timeoutMillis = timeoutMillis;
	}

	/**
	 * Waits for a place, in turn.
	 * @throws SQLTransientConnectionException when none came free in time
	 */
	void enter() throws SQLException {
		try {
			// With a timeout, even zero, a fair semaphore serves the threads already
			// waiting first.
			if (this.places.tryAcquire(0, TimeUnit.MILLISECONDS)
					|| this.places.tryAcquire(this.timeoutMillis, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLTransientConnectionException("Interrupted while waiting for a database connection.", ex);
		}
		throw new SQLTransientConnectionException(
				"No database connection came free within " + this.timeoutMillis + " ms.");
	}

	/**
	 * Gives the place back, after the connection went back to the pool.
	 */
	void leave() {
		this.places.release();
	}

}

package dev.woes.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The line in front of the connection pool: as many places as the pool has connections,
 * handed out in the order they were asked for. A thread waits here, not in the pool, so
 * the pool always has a connection free for whoever holds a place: it never hands one to
 * a newcomer ahead of a thread that has been waiting, and never starts its
 * connection-adding work for a pool that is already full (each such start woke one of its
 * threads, for every request that had to wait).
 * <p>
 * Waiting threads park without a timer of their own (on virtual threads, each timed park
 * costs the scheduler's timer thread two wake-ups); one sweeper thread gives up on behalf
 * of those that waited longer than the timeout, a few times a second.
 */
final class ConnectionQueue implements AutoCloseable {

	private static final long SWEEP_MILLIS = 100;

	private final AtomicInteger free;

	private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();

	private final long timeoutMillis;

	private final Thread sweeper;

	private volatile boolean open = true;

	/**
	 * @param places the pool's maximum size
	 * @param timeoutMillis how long a thread may wait for a place: the pool's own
	 * connection timeout
	 */
	ConnectionQueue(int places, long timeoutMillis) {
		this.free = new AtomicInteger(places);
		this.timeoutMillis = timeoutMillis;
		this.sweeper = Thread.ofPlatform().daemon().name("woes-connection-queue").start(this::sweep);
	}

	/**
	 * Takes a place, after every thread that asked earlier.
	 * @throws SQLTransientConnectionException when none came free in time, or the thread
	 * was interrupted while it waited
	 */
	void enter() throws SQLException {
		if (this.waiters.isEmpty() && take()) {
			return;
		}
		Waiter waiter = new Waiter(Thread.currentThread(), System.nanoTime());
		this.waiters.add(waiter);
		// A place may have come free before this thread joined the line.
		handOut();
		while (waiter.state.get() == Waiter.WAITING) {
			LockSupport.park(this);
			if (Thread.currentThread().isInterrupted() && waiter.giveUp()) {
				this.waiters.remove(waiter);
				throw new SQLTransientConnectionException("Interrupted while waiting for a database connection.");
			}
		}
		if (waiter.state.get() == Waiter.TIMED_OUT) {
			throw new SQLTransientConnectionException(
					"No database connection came free within " + this.timeoutMillis + " ms.");
		}
	}

	/**
	 * Whether some thread waits for a place at this moment.
	 */
	boolean hasWaiters() {
		return !this.waiters.isEmpty();
	}

	/**
	 * Gives a place back, after its connection went back to the pool: to the thread that
	 * has waited longest, if any.
	 */
	void leave() {
		this.free.incrementAndGet();
		handOut();
	}

	/**
	 * Hands free places to waiting threads, oldest first.
	 */
	private void handOut() {
		while (!this.waiters.isEmpty() && take()) {
			Waiter next = this.waiters.poll();
			if (next != null && next.admit()) {
				LockSupport.unpark(next.thread);
			}
			else {
				// The line emptied meanwhile, or its first had given up: the place
				// stays free.
				this.free.incrementAndGet();
			}
		}
	}

	private boolean take() {
		for (int places = this.free.get(); places > 0; places = this.free.get()) {
			if (this.free.compareAndSet(places, places - 1)) {
				return true;
			}
		}
		return false;
	}

	private void sweep() {
		long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(this.timeoutMillis);
		while (this.open) {
			long now = System.nanoTime();
			for (Waiter waiter : this.waiters) {
				if (now - waiter.since > timeoutNanos && waiter.giveUp()) {
					this.waiters.remove(waiter);
					LockSupport.unpark(waiter.thread);
				}
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SWEEP_MILLIS));
		}
	}

	@Override
	public void close() {
		this.open = false;
		LockSupport.unpark(this.sweeper);
	}

	private static final class Waiter {

		static final int WAITING = 0;

		static final int ADMITTED = 1;

		static final int TIMED_OUT = 2;

		final Thread thread;

		final long since;

		final AtomicInteger state = new AtomicInteger(WAITING);

		Waiter(Thread thread, long since) {
			this.thread = thread;
			this.since = since;
		}

		boolean admit() {
			return this.state.compareAndSet(WAITING, ADMITTED);
		}

		boolean giveUp() {
			return this.state.compareAndSet(WAITING, TIMED_OUT);
		}

	}

}

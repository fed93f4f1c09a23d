package dev.woes.feed;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.woes.workspace.WorkspaceId;

/**
 * One open stream's place in its workspace's fan-out: a bounded queue of the events it
 * has yet to write. When the queue is full the stream is dropped rather than buffered
 * without bound; its client reconnects with {@code Last-Event-ID} and catches up from the
 * log.
 */
final class Subscription {

	private final WorkspaceId workspace;

	private final Set<String> types;

	private final BlockingQueue<Delivery> queue;

	private final Thread writer;

	private volatile boolean dropped;

	private volatile boolean closed;

	Subscription(WorkspaceId workspace, Set<String> types, int buffer, Thread writer) {
		this.workspace = workspace;
		this.types = Set.copyOf(types);
		this.queue = new ArrayBlockingQueue<>(buffer);
		this.writer = writer;
	}

	WorkspaceId workspace() {
		return this.workspace;
	}

	/**
	 * Queues an event for the stream, if it wants the event's type; never blocks.
	 */
	void offer(Delivery delivery) {
		if (this.dropped || (!this.types.isEmpty() && !this.types.contains(delivery.event().type()))) {
			return;
		}
		if (!this.queue.offer(delivery)) {
			this.dropped = true;
		}
	}

	/**
	 * The next queued event, or {@code null} when none came within the time.
	 */
	Delivery next(Duration within) throws InterruptedException {
		return this.queue.poll(within.toNanos(), TimeUnit.NANOSECONDS);
	}

	boolean dropped() {
		return this.dropped;
	}

	boolean ended() {
		return this.dropped || this.closed;
	}

	/**
	 * Ends the stream from another thread (the server is stopping).
	 */
	void close() {
		this.closed = true;
		this.writer.interrupt();
	}

}

package dev.woes.feed;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.woes.database.DatabaseServer;
import dev.woes.database.WorkspaceContext;
import dev.woes.event.EventCursor;
import dev.woes.event.EventFeed;
import dev.woes.event.EventSettings;
import dev.woes.event.FeedBatch;
import dev.woes.event.StoredEvent;
import dev.woes.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Serves the real-time streams of this node. Each streamed workspace has one reader that
 * reads the feed once per wake-up, whatever the number of its streams, and hands every
 * event to each stream's bounded queue. A reader wakes when a {@link CommitListener}
 * notification names its workspace, every {@code woes.events.poll-interval} regardless (a
 * notification can be lost), and a few milliseconds apart while committed events are
 * still held back by an older running transaction. A stream writes from its request's own
 * (virtual) thread: a slow client holds up only itself.
 */
@Component
public class EventStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

	private static final int READ_BATCH = 500;

	private static final long FIRST_PENDING_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	private final EventFeed feed;

	private final EventSettings settings;

	private final CommitListener listener;

	private final Map<WorkspaceId, Reader> readers = new ConcurrentHashMap<>();

	private volatile boolean running;

	private boolean listening;

	EventStreams(EventFeed feed, EventSettings settings, DatabaseServer database) {
		this.feed = feed;
		this.settings = settings;
		this.listener = new CommitListener(database, this::committed, this::wakeAll);
	}

	/**
	 * Where a stream writes.
	 */
	public interface Writer {

		/**
		 * The stream is open: send the headers now.
		 */
		void open() throws IOException;

		/**
		 * How an event looks on the wire; the same for every stream.
		 */
		byte[] encode(StoredEvent event);

		void write(byte[] frame) throws IOException;

		void heartbeat() throws IOException;

	}

	/**
	 * Streams the workspace's events to the writer until the client goes away, falls too
	 * far behind or the server stops. Blocks the calling thread all along.
	 * @param types wire names to keep; empty keeps every type
	 * @param from the position to resume after; empty: only events that settle from now
	 * on
	 */
	public void serve(WorkspaceId workspace, Set<String> types, Optional<EventCursor> from, Writer writer) {
		if (!this.running) {
			try {
				writer.open(); // and end at once: the client reconnects, to another node
			}
			catch (IOException ex) {
				// gone already
			}
			return;
		}
		Subscription subscription = subscribe(workspace, types);
		try {
			// The reader hands on everything after its position at subscription; reading
			// the log from here on covers at least up to that position, so nothing falls
			// between the two, and the cursor comparison below drops what both deliver.
			EventCursor cursor = from.orElseGet(() -> this.feed.latest(workspace));
			writer.open();
			if (from.isPresent()) {
				List<StoredEvent> batch;
				do {
					batch = this.feed.after(workspace, cursor, types, READ_BATCH);
					for (StoredEvent event : batch) {
						writer.write(writer.encode(event));
						cursor = event.cursor();
					}
				}
				while (batch.size() == READ_BATCH && !subscription.ended());
			}
			while (!subscription.ended()) {
				Delivery delivery = subscription.next(this.settings.heartbeatInterval());
				if (delivery == null) {
					writer.heartbeat();
				}
				else if (delivery.event().cursor().isAfter(cursor)) {
					writer.write(delivery.frame(writer::encode));
					cursor = delivery.event().cursor();
				}
			}
			if (subscription.dropped()) {
				log.debug("Dropped a stream of workspace {} that fell {} events behind", workspace,
						this.settings.streamBuffer());
			}
		}
		catch (InterruptedException ex) {
			// the server is stopping
		}
		catch (IOException ex) {
			// the client went away: the normal end of a stream, not a failure
			log.debug("A stream of workspace {} ended: {}", workspace, ex.toString());
		}
		finally {
			unsubscribe(subscription);
		}
	}

	private Subscription subscribe(WorkspaceId workspace, Set<String> types) {
		listen();
		Subscription subscription = new Subscription(workspace, types, this.settings.streamBuffer(),
				Thread.currentThread());
		while (true) {
			Reader reader = this.readers.computeIfAbsent(workspace,
					(key) -> new Reader(key, this.feed.latest(key)).start());
			if (reader.add(subscription)) {
				return subscription;
			}
			this.readers.remove(workspace, reader);
		}
	}

	private void unsubscribe(Subscription subscription) {
		Reader reader = this.readers.get(subscription.workspace());
		if (reader != null && reader.remove(subscription)) {
			this.readers.remove(subscription.workspace(), reader);
		}
	}

	private void committed(WorkspaceId workspace) {
		Reader reader = this.readers.get(workspace);
		if (reader != null) {
			reader.wake();
		}
	}

	private void wakeAll() {
		this.readers.values().forEach(Reader::wake);
	}

	/**
	 * Starts listening with the first stream, so a node that serves none (or a command
	 * line run) holds no listening connection.
	 */
	private synchronized void listen() {
		if (this.running && !this.listening) {
			this.listener.start();
			this.listening = true;
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Ends every stream first, so the web server's graceful shutdown does not wait for
	 * them; their clients reconnect to another node.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.readers.values().forEach(Reader::closeAll);
		synchronized (this) {
			if (this.listening) {
				this.listener.stop();
				this.listening = false;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Reads one workspace's feed for all of this node's streams of it.
	 */
	private final class Reader {

		private final WorkspaceId workspace;

		private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

		private EventCursor head;

		private boolean closed;

		private Thread thread;

		Reader(WorkspaceId workspace, EventCursor head) {
			this.workspace = workspace;
			this.head = head;
		}

		Reader start() {
			this.thread = Thread.ofVirtual().name("woes-stream-reader-" + this.workspace).start(this::run);
			return this;
		}

		synchronized boolean add(Subscription subscription) {
			if (this.closed) {
				return false;
			}
			this.subscriptions.add(subscription);
			return true;
		}

		/**
		 * Answers whether that was the last stream, which closes the reader.
		 */
		synchronized boolean remove(Subscription subscription) {
			this.subscriptions.remove(subscription);
			if (this.subscriptions.isEmpty() && !this.closed) {
				this.closed = true;
				wake();
				return true;
			}
			return false;
		}

		void closeAll() {
			this.subscriptions.forEach(Subscription::close);
		}

		void wake() {
			LockSupport.unpark(this.thread);
		}

		private synchronized boolean isClosed() {
			return this.closed;
		}

		private void run() {
			long pollNanos = EventStreams.this.settings.pollInterval().toNanos();
			long pendingDelay = FIRST_PENDING_DELAY_NANOS;
			while (!isClosed()) {
				boolean pending = false;
				try {
					pending = readAll();
				}
				catch (RuntimeException ex) {
					log.warn("Could not read the event feed of workspace {}; retrying", this.workspace, ex);
				}
				if (pending) {
					LockSupport.parkNanos(pendingDelay);
					pendingDelay = Math.min(pendingDelay * 2, pollNanos);
				}
				else {
					pendingDelay = FIRST_PENDING_DELAY_NANOS;
					LockSupport.parkNanos(pollNanos);
				}
			}
		}

		private boolean readAll() {
			FeedBatch batch;
			do {
				EventCursor from = this.head;
				batch = WorkspaceContext.call(this.workspace.value(),
						() -> EventStreams.this.feed.read(this.workspace, from, READ_BATCH));
				for (StoredEvent event : batch.settled()) {
					Delivery delivery = new Delivery(event);
					for (Subscription subscription : this.subscriptions) {
						subscription.offer(delivery);
					}
					this.head = event.cursor();
				}
			}
			while (batch.settled().size() == READ_BATCH && !isClosed());
			return batch.pending();
		}

	}

}

package dev.woes.database;

import org.springframework.stereotype.Component;

/**
 * Whether the connection pool is the bottleneck right now: background work that can wait
 * (webhook sending) asks before it takes connections and CPU from requests.
 */
@Component
public class ConnectionPoolLoad {

	private final ConnectionQueue queue;

	ConnectionPoolLoad(ConnectionQueue queue) {
		this.queue = queue;
	}

	/**
	 * Whether some thread is waiting for a connection of the pool at this moment.
	 */
	public boolean hasWaiters() {
		return this.queue.hasWaiters();
	}

}

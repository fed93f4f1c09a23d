package dev.woes.database;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Whether the connection pool is the bottleneck right now: background work that can wait
 * (webhook sending) asks before it takes connections and CPU from requests.
 */
@Component
public class ConnectionPoolLoad {

	private final HikariDataSource pool;

	ConnectionPoolLoad(@Qualifier("connectionPool") HikariDataSource pool) {
		this.pool = pool;
	}

	/**
	 * Whether some thread is waiting for a connection of the pool at this moment.
	 */
	public boolean hasWaiters() {
		var bean = this.pool.getHikariPoolMXBean();
		return bean != null && bean.getThreadsAwaitingConnection() > 0;
	}

}

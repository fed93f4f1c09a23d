package dev.woes.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Threads wait for the pool's connections in a line of their own: served in the order
 * they asked, told so when none came free in time, and every place given back exactly
 * once. Runs on a small pool of its own against the test database.
 */
class ConnectionQueueIT extends ApiTest {

	private static final int POOL = 2;

	/**
	 * Long enough for a busy machine to see a thread waiting before it gives up.
	 */
	private static final long TIMEOUT_MILLIS = 2_000;

	@Autowired
	private DatabaseServer server;

	private HikariDataSource pool;

	private ConnectionQueue queue;

	private RowSecurityDataSource dataSource;

	@BeforeEach
	void smallPool() {
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(this.server.jdbcUrl());
		this.pool.setUsername(this.server.username());
		this.pool.setPassword(this.server.password());
		this.pool.setMaximumPoolSize(POOL);
		this.pool.setConnectionTimeout(TIMEOUT_MILLIS);
		this.queue = new ConnectionQueue(POOL, TIMEOUT_MILLIS);
		this.dataSource = new RowSecurityDataSource(this.pool, this.queue, new SystemRole("woes_system"));
	}

	@AfterEach
	void closePool() {
		this.queue.close();
		this.pool.close();
	}

	@Test
	void waitingThreadsGetConnectionsInTheOrderTheyAsked() throws Exception {
		List<Connection> held = holdAll();
		List<String> served = new CopyOnWriteArrayList<>();
		CountDownLatch done = new CountDownLatch(3);
		for (String name : List.of("first", "second", "third")) {
			Thread waiter = Thread.ofPlatform().name(name).start(() -> {
				try (Connection connection = connection()) {
					served.add(name);
					assertThat(workspaceOf(connection)).isNotEmpty();
				}
				catch (SQLException ex) {
					served.add(name + " failed: " + ex.getMessage());
				}
				finally {
					done.countDown();
				}
			});
			waitUntilWaiting(waiter);
		}
		assertThat(this.queue.hasWaiters()).as("what background work asks before it takes a connection").isTrue();
		// Only now do connections come free, one at a time; the third waiter gets the
		// connection the first one closes.
		for (int i = 0; i < held.size(); i++) {
			held.get(i).close();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			while (served.size() <= i) {
				assertThat(System.nanoTime()).as("a waiter is served").isLessThan(deadline);
				Thread.sleep(5);
			}
		}
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(served).containsExactly("first", "second", "third");
		assertThat(this.queue.hasWaiters()).isFalse();
	}

	@Test
	void aThreadThatWaitsLongerThanThePoolsTimeoutIsToldSoAndNoPlaceIsLost() throws Exception {
		List<Connection> held = holdAll();
		long start = System.nanoTime();
		assertThatThrownBy(this::connection).isInstanceOf(SQLTransientConnectionException.class)
			.hasMessageContaining("No database connection came free within 2000 ms");
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT_MILLIS);

		// Closing a connection twice gives its place back once.
		Connection first = held.remove(0);
		first.close();
		first.close();
		held.add(connection());
		assertThatThrownBy(this::connection).as("the pool is full again")
			.isInstanceOf(SQLTransientConnectionException.class);

		closeAll(held);
		// Every place is free again: the whole pool can be taken at once.
		closeAll(holdAll());
	}

	@Test
	void aThreadInterruptedWhileWaitingGivesUpAndItsTurnPassesOn() throws Exception {
		List<Connection> held = holdAll();
		List<String> outcome = new CopyOnWriteArrayList<>();
		Thread interrupted = Thread.ofPlatform().start(() -> {
			try (Connection connection = connection()) {
				outcome.add("served");
			}
			catch (SQLException ex) {
				outcome.add(ex.getMessage());
			}
		});
		waitUntilWaiting(interrupted);
		interrupted.interrupt();
		interrupted.join(5_000);
		assertThat(outcome).containsExactly("Interrupted while waiting for a database connection.");
		held.remove(0).close();
		try (Connection connection = connection()) {
			assertThat(workspaceOf(connection)).isNotEmpty();
		}
		closeAll(held);
	}

	@Test
	void manyThreadsTakingTurnsAreAllServedAndLeaveEveryPlaceFree() throws Exception {
		int threads = 40;
		int turns = 50;
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		AtomicInteger holding = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int t = 0; t < threads; t++) {
				executor.submit(() -> {
					for (int turn = 0; turn < turns; turn++) {
						try (Connection connection = connection()) {
							mostAtOnce.accumulateAndGet(holding.incrementAndGet(), Math::max);
							workspaceOf(connection);
							holding.decrementAndGet();
						}
						catch (SQLException | RuntimeException ex) {
							failures.add(ex);
						}
					}
				});
			}
		}
		assertThat(failures).isEmpty();
		assertThat(mostAtOnce.get()).isLessThanOrEqualTo(POOL);
		closeAll(holdAll());
	}

	/**
	 * Takes every connection of the pool (which fails when a place was lost).
	 */
	private List<Connection> holdAll() throws SQLException {
		List<Connection> held = new ArrayList<>();
		for (int i = 0; i < POOL; i++) {
			held.add(connection());
		}
		return held;
	}

	private static void closeAll(List<Connection> connections) throws SQLException {
		for (Connection connection : connections) {
			connection.close();
		}
	}

	private Connection connection() throws SQLException {
		try (Access.Scope scope = Access.workspace(UUID.randomUUID()).enter()) {
			return this.dataSource.getConnection();
		}
	}

	private static String workspaceOf(Connection connection) throws SQLException {
		try (var statement = connection.prepareStatement("SELECT current_setting('woes.workspace_id', true)");
				var row = statement.executeQuery()) {
			row.next();
			return row.getString(1);
		}
	}

	private static void waitUntilWaiting(Thread thread) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
			assertThat(thread.getState()).as(thread.getName() + " is still running")
				.isNotEqualTo(Thread.State.TERMINATED);
			assertThat(System.nanoTime()).as(thread.getName() + " waits").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

}

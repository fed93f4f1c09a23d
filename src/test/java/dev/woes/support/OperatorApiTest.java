package dev.woes.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HTTP tests that need operators and teams: makes them through the API and fires requests
 * at the same moment.
 */
public abstract class OperatorApiTest extends ApiTest {

	@Autowired
	protected JdbcClient jdbc;

	protected String createOperator(Tenant tenant, String name) {
		Reply reply = post(tenant.key(), "/api/v1/operators", "{\"name\": \"" + name + "\", \"email\": \""
				+ name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com\"}");
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not create an operator: " + reply);
		}
		return reply.json().at("/operator/id").asString();
	}

	protected String createTeam(Tenant tenant, String name, String... operatorIds) {
		String members = String.join("\", \"", operatorIds);
		Reply reply = post(tenant.key(), "/api/v1/teams", "{\"name\": \"" + name + "\", \"operatorIds\": "
				+ ((operatorIds.length == 0) ? "[]" : "[\"" + members + "\"]") + "}");
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not create a team: " + reply);
		}
		return reply.json().at("/team/id").asString();
	}

	/**
	 * Runs the calls together, released at the same instant, and answers their results in
	 * the order given.
	 */
	protected static <T> List<T> atOnce(List<Callable<T>> calls) {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}

package dev.woes.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import dev.woes.database.SystemAccess;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a fresh server usable without any setup. On an empty database it creates the
 * workspace {@code default} and prints one API key, once. With
 * {@code WOES_BOOTSTRAP_API_KEY} it instead makes sure {@code default} exists and holds
 * that key, which is idempotent across restarts. Several nodes starting at once agree
 * through an advisory lock.
 */
@Component
@ConditionalOnWebApplication
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	static final String DEFAULT_WORKSPACE = "default";

	private final Workspaces workspaces;

	private final ApiKeys keys;

	private final KeyManagement management;

	private final KeyVerifier verifier;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final String bootstrapKey;

	private final PrintStream console = System.out;

	FirstStart(Workspaces workspaces, ApiKeys keys, KeyManagement management, KeyVerifier verifier, JdbcClient jdbc,
			TransactionTemplate transactions, Clock clock, @Value("${woes.bootstrap-api-key:}") String bootstrapKey) {
		this.workspaces = workspaces;
		this.keys = keys;
		this.management = management;
		this.verifier = verifier;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.bootstrapKey = bootstrapKey;
		if (!bootstrapKey.isEmpty() && !ApiKeySecret.isWellFormed(bootstrapKey)) {
			throw new InvalidBootstrapKey();
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		SystemAccess.run(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('woes-first-start'))").query().singleValue();
			if (!this.bootstrapKey.isEmpty()) {
				ensureBootstrapKey(ApiKeySecret.parse(this.bootstrapKey));
			}
			else if (this.workspaces.isEmpty()) {
				createFirstWorkspace();
			}
		}));
		this.verifier.reload();
	}

	private void ensureBootstrapKey(ApiKeySecret secret) {
		Instant now = Timestamps.now(this.clock);
		Workspace workspace = Workspace.create(DEFAULT_WORKSPACE, now);
		this.workspaces.addIfAbsent(workspace);
		if (!this.keys.holds(workspace.id(), secret.hash())) {
			this.management.issue(workspace, "bootstrap", Set.of(), now, null, secret);
			log.info("Added the bootstrap API key {} to the workspace '{}'", secret.prefix(), DEFAULT_WORKSPACE);
		}
	}

	private void createFirstWorkspace() {
		Instant now = Timestamps.now(this.clock);
		Workspace workspace = Workspace.create(DEFAULT_WORKSPACE, now);
		this.workspaces.add(workspace);
		KeyManagement.IssuedKey issued = this.management.issue(workspace, "default", Set.of(), now, null,
				ApiKeySecret.generate());
		this.console.printf("%n=== Woes: first start ===%n"
				+ "Created the workspace '%s' and its API key. It is shown only this once:%n%n" + "    %s%n%n"
				+ "Make more keys with: java -jar target/woes.jar keys create --workspace %s [--name N] [--scopes a,b] [--expires-in 30d]%n"
				+ "=========================%n%n", DEFAULT_WORKSPACE, issued.secret().value(), DEFAULT_WORKSPACE);
		this.console.flush();
	}

}

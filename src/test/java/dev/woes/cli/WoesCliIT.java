package dev.woes.cli;

import dev.woes.WoesApplication;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.woes.support.ApiTest.Reply;
import dev.woes.support.DataDirectories;
import dev.woes.support.WoesServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrative command line, run in-process as {@code java -jar woes.jar ...} runs
 * it, against a real embedded PostgreSQL in a data directory of its own: on its own when
 * no server runs, joining the server's PostgreSQL when one does.
 */
class WoesCliIT {

	private static final Pattern SECRET = Pattern.compile("woesk_[A-Za-z0-9]{43}");

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

	private static final String CONVERSATIONS = "/api/v1/conversations";

	private Path dataDirectory;

	@BeforeEach
	void freshDataDirectory() {
		this.dataDirectory = DataDirectories.newDataDirectory("cli");
	}

	@Test
	void createsAWorkspaceAndPrintsItsSlug() {
		Run run = woes("workspaces", "create", "Acme Support");

		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(run.out()).startsWith("Created workspace 'Acme Support' with slug acme-support.\n")
			.contains("keys create --workspace acme-support");
		assertThat(this.dataDirectory.resolve("postgres").resolve("PG_VERSION")).isRegularFile();
		assertThat(woes("workspaces", "list").out()).containsPattern("(?m)^acme-support +Acme Support +" + TIMESTAMP);
	}

	@Test
	void refusesToCreateAWorkspaceWhoseSlugIsTaken() {
		woes("workspaces", "create", "Acme Support");

		Run again = woes("workspaces", "create", "ACME support!");

		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.out()).isEmpty();
		assertThat(again.err()).isEqualTo("error: A workspace with the slug 'acme-support' already exists.\n");
		assertThat(rows(woes("workspaces", "list"))).singleElement().asString().contains("Acme Support");
	}

	@Test
	void listsEveryWorkspaceBySlugWithItsNameAndCreationTime() {
		Instant before = Instant.now().minusMillis(1);
		woes("workspaces", "create", "Globex");
		woes("workspaces", "create", "Acme Support");

		Run list = woes("workspaces", "list");

		assertThat(list.exitCode()).isZero();
		assertThat(list.err()).isEmpty();
		assertThat(header(list)).containsExactly("SLUG", "NAME", "CREATED");
		List<String> rows = rows(list);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).matches("acme-support +Acme Support +" + TIMESTAMP);
		assertThat(rows.get(1)).matches("globex +Globex +" + TIMESTAMP);
		assertThat(Instant.parse(columns(rows.get(1)).get(2))).isBetween(before, Instant.now());
	}

	@Test
	void createsAKeyAndPrintsItsSecretOnce() {
		woes("workspaces", "create", "Acme Support");
		Instant before = Instant.now().minusMillis(1);

		Run run = woes("keys", "create", "--workspace", "acme-support", "--name", "ci", "--scopes",
				"conversations:read", "--expires-in", "30d");

		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).isEmpty();
		assertThat(secrets(run.out())).hasSize(1);
		assertThat(run.out()).contains("Created API key 'ci' for workspace acme-support.\n")
			.contains("Scopes: conversations:read\n")
			.containsPattern("(?m)^    woesk_[A-Za-z0-9]{43}$");
		Instant expires = Instant.parse(line(run.out(), "Expires: ").substring("Expires: ".length()));
		assertThat(expires).isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
	}

	@Test
	void listsKeysWithPrefixNameScopesAndDatesButNeverTheSecret() {
		woes("workspaces", "create", "Acme Support");
		String ci = secret(woes("keys", "create", "--workspace", "acme-support", "--name", "ci", "--scopes",
				"conversations:read", "--expires-in", "30d"));
		String admin = secret(woes("keys", "create", "--workspace", "acme-support", "--name", "admin"));

		Run list = woes("keys", "list", "--workspace", "acme-support");

		assertThat(list.exitCode()).isZero();
		assertThat(list.err()).isEmpty();
		assertThat(list.out()).matches("PREFIX +NAME +SCOPES +CREATED +LAST USED +EXPIRES +REVOKED\n(.+\n){2}");
		assertThat(secrets(list.out())).isEmpty();
		assertThat(list.out()).doesNotContain(ci.substring(15)).doesNotContain(admin.substring(15));
		List<String> rows = rows(list);
		List<String> ciRow = columns(rows.get(0));
		assertThat(ciRow).hasSize(7);
		assertThat(ciRow.subList(0, 3)).containsExactly(ci.substring(0, 15), "ci", "conversations:read");
		assertThat(ciRow.get(3)).matches(TIMESTAMP);
		assertThat(ciRow.get(4)).isEqualTo("-");
		assertThat(Instant.parse(ciRow.get(5))).isEqualTo(Instant.parse(ciRow.get(3)).plus(Duration.ofDays(30)));
		assertThat(ciRow.get(6)).isEqualTo("-");
		List<String> adminRow = columns(rows.get(1));
		assertThat(adminRow).hasSize(7);
		assertThat(adminRow.subList(0, 3)).containsExactly(admin.substring(0, 15), "admin", "(all)");
		assertThat(adminRow.subList(4, 7)).containsExactly("-", "-", "-");
	}

	@Test
	void aRevokedKeyIsListedWithTheTimeItWasRevoked() {
		woes("workspaces", "create", "Acme Support");
		String prefix = secret(woes("keys", "create", "--workspace", "acme-support", "--name", "ci")).substring(0, 15);

		Run revoke = woes("keys", "revoke", prefix);

		assertThat(revoke.exitCode()).isZero();
		assertThat(revoke.err()).isEmpty();
		assertThat(revoke.out()).matches("Revoked API key " + prefix + " \\('ci'\\) at " + TIMESTAMP + "\\.\n");
		String revokedAt = revoke.out().substring(revoke.out().indexOf(" at ") + 4, revoke.out().length() - 2);
		List<String> row = columns(rows(woes("keys", "list", "--workspace", "acme-support")).get(0));
		assertThat(row.get(0)).isEqualTo(prefix);
		assertThat(row.get(6)).isEqualTo(revokedAt);
	}

	@Test
	void refusesAnUnknownScopeAndIssuesNoKey() {
		woes("workspaces", "create", "Acme Support");

		Run run = woes("keys", "create", "--workspace", "acme-support", "--scopes", "conversations:read,tickets:write");

		assertRefused(run,
				"error: Unknown scope 'tickets:write'. Known scopes: agents:read, analytics:read, "
						+ "clients:read, clients:write, conversations:read, conversations:write, definitions:read, "
						+ "definitions:write, events:read, issues:read, issues:write, operators:read, operators:write, "
						+ "sources:read, sources:write, usage:read, webhooks:read, webhooks:write.\n");
		assertThat(rows(woes("keys", "list", "--workspace", "acme-support"))).isEmpty();
	}

	@Test
	void refusesAnExpiryItCannotReadAndIssuesNoKey() {
		woes("workspaces", "create", "Acme Support");

		Run run = woes("keys", "create", "--workspace", "acme-support", "--expires-in", "30days");

		assertRefused(run, "error: An expiry is a positive number followed by m, h, d or w (minutes, hours, days, "
				+ "weeks), such as 30d; got '30days'.\n");
		assertThat(rows(woes("keys", "list", "--workspace", "acme-support"))).isEmpty();
	}

	@Test
	void refusesAKeyForAWorkspaceThatDoesNotExist() {
		woes("workspaces", "create", "Acme Support");

		Run create = woes("keys", "create", "--workspace", "globex");
		Run list = woes("keys", "list", "--workspace", "globex");

		assertRefused(create, "error: No workspace has the slug 'globex'.\n");
		assertRefused(list, "error: No workspace has the slug 'globex'.\n");
		assertThat(rows(woes("workspaces", "list"))).singleElement().asString().startsWith("acme-support ");
	}

	@Test
	void refusesToRevokeAPrefixNoKeyHasAndRevokesNothing() {
		woes("workspaces", "create", "Acme Support");
		String prefix = secret(woes("keys", "create", "--workspace", "acme-support")).substring(0, 15);

		Run run = woes("keys", "revoke", "woesk_nothere00");

		assertRefused(run, "error: No API key has the prefix 'woesk_nothere00'.\n");
		List<String> row = columns(rows(woes("keys", "list", "--workspace", "acme-support")).get(0));
		assertThat(row.get(0)).isEqualTo(prefix);
		assertThat(row.get(6)).isEqualTo("-");
	}

	@Test
	void refusesAKeyWithoutAWorkspaceBeforeOpeningTheDatabase() {
		Run run = woes("keys", "create", "--name", "ci");

		assertRefusedWithUsage(run, "error: --workspace is required.");
	}

	@Test
	void refusesAnUnknownCommandBeforeOpeningTheDatabase() {
		assertRefusedWithUsage(woes("workspaces", "delete", "acme-support"),
				"error: Unknown command 'workspaces delete'.");
		assertRefusedWithUsage(woes("keys"), "error: 'keys' needs a subcommand.");
		assertRefusedWithUsage(woes("wokspaces", "list"), "error: Unknown command 'wokspaces'.");
		assertThat(WoesCli.isCommand(new String[] { "wokspaces", "list" })).isTrue();
		assertThat(WoesCli.isCommand(new String[] { "--server.port=9090" })).isFalse();
		assertThat(WoesCli.isCommand(new String[0])).isFalse();
	}

	@Test
	void refusesAnUnknownOptionBeforeOpeningTheDatabase() {
		Run run = woes("keys", "list", "--workspace", "acme-support", "--format", "json");

		assertRefusedWithUsage(run, "error: Unknown option --format.");
	}

	@Test
	void refusesAnOptionWithoutItsValueBeforeOpeningTheDatabase() {
		assertRefusedWithUsage(woes("keys", "create", "--workspace", "acme-support", "--expires-in"),
				"error: --expires-in needs a value.");
		assertRefusedWithUsage(woes("keys", "create", "--workspace", "--name", "ci"),
				"error: --workspace needs a value.");
	}

	@Test
	void aKeyCreatedWhileTheServerRunsWorksWithinSecondsAndIsListedAsUsed() {
		try (WoesServer server = WoesServer.start(this.dataDirectory)) {
			woes("workspaces", "create", "Acme Support");
			Run run = woes("keys", "create", "--workspace", "acme-support", "--name", "ci", "--scopes",
					"conversations:read", "--expires-in", "30d");
			assertThat(run.exitCode()).isZero();
			String key = secret(run);

			Reply reply = server.getUntil(key, CONVERSATIONS, (answer) -> answer.status() == 200,
					Duration.ofSeconds(5));

			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json().path("conversations").isEmpty()).isTrue();
		}
		List<String> row = columns(rows(woes("keys", "list", "--workspace", "acme-support")).get(0));
		assertThat(Instant.parse(row.get(4))).as("last used").isBetween(Instant.parse(row.get(3)), Instant.now());
	}

	@Test
	void aKeyRevokedWhileTheServerRunsIsRefusedWithinSeconds() {
		woes("workspaces", "create", "Acme Support");
		String key = secret(woes("keys", "create", "--workspace", "acme-support", "--name", "ci"));
		try (WoesServer server = WoesServer.start(this.dataDirectory)) {
			assertThat(server.get(key, CONVERSATIONS).status()).isEqualTo(200);

			Run revoke = woes("keys", "revoke", key.substring(0, 15));
			assertThat(revoke.exitCode()).isZero();
			Reply reply = server.getUntil(key, CONVERSATIONS, (answer) -> answer.status() != 200,
					Duration.ofSeconds(5));

			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.json().path("code").asString()).isEqualTo("unauthorized");
		}
	}

	private Run woes(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String previous = System.getProperty("woes.data-dir");
		System.setProperty("woes.data-dir", this.dataDirectory.toString());
		try {
			int exitCode = new WoesCli(WoesApplication.class, new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8))
				.execute(args);
			return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			if (previous != null) {
				System.setProperty("woes.data-dir", previous);
			}
			else {
				System.clearProperty("woes.data-dir");
			}
		}
	}

	private void assertRefused(Run run, String error) {
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEqualTo(error);
	}

	/**
	 * A mistake on the command line itself: the sentence and the usage, and the data
	 * directory is not even opened.
	 */
	private void assertRefusedWithUsage(Run run, String error) {
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).isEqualTo(error + "\n" + WoesCli.USAGE);
		assertThat(this.dataDirectory).isEmptyDirectory();
	}

	private static String secret(Run run) {
		List<String> secrets = secrets(run.out());
		assertThat(secrets).as("the secret printed by %s", run).hasSize(1);
		return secrets.get(0);
	}

	private static List<String> secrets(String text) {
		Matcher matcher = SECRET.matcher(text);
		return matcher.results().map(MatchResult::group).toList();
	}

	private static String line(String text, String start) {
		return text.lines().filter((line) -> line.startsWith(start)).findFirst().orElseThrow();
	}

	private static List<String> header(Run run) {
		return columns(run.out().lines().findFirst().orElseThrow());
	}

	private static List<String> rows(Run run) {
		assertThat(run.exitCode()).as("exit code of %s", run).isZero();
		return run.out().lines().skip(1).toList();
	}

	private static List<String> columns(String row) {
		return List.of(row.strip().split(" {2,}"));
	}

	record Run(int exitCode, String out, String err) {
	}

}

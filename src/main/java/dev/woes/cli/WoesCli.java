package dev.woes.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.woes.auth.ApiKey;
import dev.woes.auth.KeyManagement;
import dev.woes.auth.Scope;
import dev.woes.database.SystemAccess;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.RecordConflict;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.WorkspaceSlug;
import dev.woes.workspace.Workspaces;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar woes.jar workspaces|keys ...}: administration against the same
 * database the server uses (the embedded one under {@code WOES_DATA_DIR}, or
 * {@code WOES_DATABASE_URL}). Bad input exits with status 2 and a sentence on standard
 * error; nothing is changed.
 */
public final class WoesCli {

	static final String USAGE = """
			Usage:
			  java -jar woes.jar workspaces create <name>
			  java -jar woes.jar workspaces list
			  java -jar woes.jar keys create --workspace <slug> [--name N] [--scopes a,b] [--expires-in 30d]
			  java -jar woes.jar keys list --workspace <slug>
			  java -jar woes.jar keys revoke <prefix>
			""";

	private final Class<?> application;

	private final PrintStream out;

	private final PrintStream err;

	WoesCli(Class<?> application, PrintStream out, PrintStream err) {
		this.application = application;
		this.out = out;
		this.err = err;
	}

	/**
	 * Any first argument that is not an option ({@code --server.port=...}) names a
	 * command, so a misspelt command is reported instead of starting the server.
	 */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && (!args[0].startsWith("-") || args[0].equals("--help"));
	}

	/**
	 * Runs a command with the given application's configuration and answers the exit
	 * status.
	 */
	public static int run(Class<?> application, String[] args) {
		return new WoesCli(application, System.out, System.err).execute(args);
	}

	int execute(String[] args) {
		Command command;
		try {
			command = Command.parse(args);
		}
		catch (UsageError ex) {
			this.err.println("error: " + ex.getMessage());
			this.err.print(USAGE);
			return 2;
		}
		if (command == null) {
			this.out.print(USAGE);
			return 0;
		}
		try (ConfigurableApplicationContext context = startContext(this.application)) {
			// An operator's command spans workspaces.
			SystemAccess.run(() -> command.run(context, this.out));
			return 0;
		}
		catch (InvalidRequest | RecordConflict ex) {
			this.err.println("error: " + ex.getMessage());
			return 2;
		}
	}

	private static ConfigurableApplicationContext startContext(Class<?> application) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("woes.database.join-running=true", "logging.level.root=WARN",
					"spring.main.log-startup-info=false")
			.run();
	}

	/**
	 * A parsed command, checked before any database is touched.
	 */
	private interface Command {

		void run(ConfigurableApplicationContext context, PrintStream out);

		static Command parse(String[] args) {
			List<String> words = Arrays.asList(args);
			if (words.get(0).equals("help") || words.get(0).equals("--help")) {
				return null;
			}
			if (!Set.of("workspaces", "keys").contains(words.get(0))) {
				throw new UsageError("Unknown command '" + words.get(0) + "'.");
			}
			if (words.size() < 2) {
				throw new UsageError("'" + words.get(0) + "' needs a subcommand.");
			}
			String noun = words.get(0);
			String verb = words.get(1);
			Options options = Options.parse(words.subList(2, words.size()));
			return switch (noun + " " + verb) {
				case "workspaces create" -> {
					options.allow();
					String name = options.single("a workspace name");
					WorkspaceSlug.fromName(requireSlugable(name));
					yield (context, out) -> {
						Workspace workspace = Workspace.create(name, Timestamps.now(java.time.Clock.systemUTC()));
						context.getBean(Workspaces.class).add(workspace);
						out.println("Created workspace '" + workspace.name() + "' with slug " + workspace.slug() + ".");
						out.println("Make a key for it with: java -jar target/woes.jar keys create --workspace "
								+ workspace.slug());
					};
				}
				case "workspaces list" -> {
					options.allow();
					options.none();
					yield (context, out) -> {
						out.printf("%-30s %-40s %s%n", "SLUG", "NAME", "CREATED");
						for (Workspace workspace : context.getBean(Workspaces.class).all()) {
							out.printf("%-30s %-40s %s%n", workspace.slug(), workspace.name(),
									Timestamps.format(workspace.createdAt()));
						}
					};
				}
				case "keys create" -> {
					options.allow("--workspace", "--name", "--scopes", "--expires-in");
					options.none();
					WorkspaceSlug slug = slug(options.required("--workspace"));
					String name = options.get("--name");
					List<String> scopes = (options.get("--scopes") != null)
							? Arrays.asList(options.get("--scopes").split(",")) : List.of();
					String expiresIn = options.get("--expires-in");
					yield (context, out) -> {
						KeyManagement.IssuedKey issued = context.getBean(KeyManagement.class)
							.issue(slug, name, scopes, expiresIn);
						out.println("Created API key '" + issued.key().name() + "' for workspace " + slug + ".");
						out.println("Scopes: " + scopes(issued.key()));
						out.println("Expires: " + orDash(Timestamps.format(issued.key().expiresAt())));
						out.println("The secret is shown only this once; store it now:");
						out.println();
						out.println("    " + issued.secret().value());
						out.println();
					};
				}
				case "keys list" -> {
					options.allow("--workspace");
					options.none();
					WorkspaceSlug slug = slug(options.required("--workspace"));
					yield (context, out) -> {
						List<ApiKey> keys = context.getBean(KeyManagement.class).list(slug);
						String format = "%-16s %-20s %-40s %-25s %-25s %-25s %s%n";
						out.printf(format, "PREFIX", "NAME", "SCOPES", "CREATED", "LAST USED", "EXPIRES", "REVOKED");
						for (ApiKey key : keys) {
							out.printf(format, key.prefix(), key.name(), scopes(key),
									Timestamps.format(key.createdAt()), orDash(Timestamps.format(key.lastUsedAt())),
									orDash(Timestamps.format(key.expiresAt())),
									orDash(Timestamps.format(key.revokedAt())));
						}
					};
				}
				case "keys revoke" -> {
					options.allow();
					String prefix = options.single("a key prefix");
					yield (context, out) -> {
						ApiKey key = context.getBean(KeyManagement.class).revoke(prefix);
						out.println("Revoked API key " + key.prefix() + " ('" + key.name() + "') at "
								+ Timestamps.format(key.revokedAt()) + ".");
					};
				}
				default -> throw new UsageError("Unknown command '" + noun + " " + verb + "'.");
			};
		}

		private static String requireSlugable(String name) {
			if (name.isBlank() || name.strip().length() > 100) {
				throw new UsageError("A workspace name is 1-100 characters.");
			}
			try {
				WorkspaceSlug.fromName(name);
			}
			catch (IllegalArgumentException ex) {
				throw new UsageError("A workspace name needs at least one letter or digit.");
			}
			return name;
		}

		private static WorkspaceSlug slug(String text) {
			try {
				return new WorkspaceSlug(text);
			}
			catch (IllegalArgumentException ex) {
				throw new UsageError(ex.getMessage() + ".");
			}
		}

		private static String scopes(ApiKey key) {
			return key.scopes().isEmpty() ? "(all)"
					: String.join(",", key.scopes().stream().map(Scope::wireName).sorted().toList());
		}

		private static String orDash(String value) {
			return (value != null) ? value : "-";
		}

	}

	/**
	 * Positional words and {@code --flag value} pairs of a command line.
	 */
	private static final class Options {

		private final List<String> positional = new ArrayList<>();

		private final Map<String, String> flags = new HashMap<>();

		static Options parse(List<String> words) {
			Options options = new Options();
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				if (word.startsWith("--")) {
					if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
						throw new UsageError(word + " needs a value.");
					}
					if (options.flags.put(word, words.get(++i)) != null) {
						throw new UsageError(word + " is given twice.");
					}
				}
				else {
					options.positional.add(word);
				}
			}
			return options;
		}

		void allow(String... names) {
			Set<String> allowed = Set.of(names);
			for (String flag : this.flags.keySet()) {
				if (!allowed.contains(flag)) {
					throw new UsageError("Unknown option " + flag + ".");
				}
			}
		}

		void none() {
			if (!this.positional.isEmpty()) {
				throw new UsageError("Unexpected argument '" + this.positional.get(0) + "'.");
			}
		}

		String single(String what) {
			if (this.positional.size() != 1) {
				throw new UsageError("Expected " + what + (this.positional.isEmpty() ? "." : ", and only one."));
			}
			return this.positional.get(0);
		}

		String get(String flag) {
			return this.flags.get(flag);
		}

		String required(String flag) {
			String value = this.flags.get(flag);
			if (value == null) {
				throw new UsageError(flag + " is required.");
			}
			return value;
		}

	}

	private static final class UsageError extends RuntimeException {

		UsageError(String message) {
			super(message);
		}

	}

}

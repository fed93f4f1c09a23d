package dev.woes.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Timestamps;
import dev.woes.shared.Uuids;
import dev.woes.workspace.Workspace;
import dev.woes.workspace.WorkspaceSlug;
import dev.woes.workspace.Workspaces;

import org.springframework.stereotype.Service;

/**
 * Issues, lists and revokes workspace API keys.
 */
@Service
public class KeyManagement {

	private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,5})([mhdw])");

	private final ApiKeys keys;

	private final Workspaces workspaces;

	private final KeyVerifier verifier;

	private final Clock clock;

	KeyManagement(ApiKeys keys, Workspaces workspaces, KeyVerifier verifier, Clock clock) {
		this.keys = keys;
		this.workspaces = workspaces;
		this.verifier = verifier;
		this.clock = clock;
	}

	/**
	 * A key as issued: the only moment its secret is known.
	 */
	public record IssuedKey(ApiKey key, ApiKeySecret secret) {
	}

	public IssuedKey issue(WorkspaceSlug slug, String name, List<String> scopeNames, String expiresIn) {
		Workspace workspace = workspace(slug);
		Instant now = Timestamps.now(this.clock);
		Instant expiresAt = (expiresIn != null) ? now.plus(parseDuration(expiresIn)) : null;
		IssuedKey issued = issue(workspace, name, parseScopes(scopeNames), now, expiresAt, ApiKeySecret.generate());
		this.verifier.reload();
		return issued;
	}

	IssuedKey issue(Workspace workspace, String name, Set<Scope> scopes, Instant now, Instant expiresAt,
			ApiKeySecret secret) {
		String keyName = (name == null || name.isBlank()) ? "default" : name.strip();
		if (keyName.length() > 100) {
			throw new InvalidRequest("A key name is at most 100 characters.");
		}
		ApiKey key = new ApiKey(new ApiKeyId(workspace.id(), Uuids.v7()), secret.prefix(), keyName, scopes, now, null,
				expiresAt, null);
		this.keys.add(key, secret.hash());
		return new IssuedKey(key, secret);
	}

	public List<ApiKey> list(WorkspaceSlug slug) {
		return this.keys.listFor(workspace(slug).id());
	}

	/**
	 * Revokes the key with this visible prefix. Every node refuses it within the
	 * verifier's refresh interval.
	 */
	public ApiKey revoke(String prefix) {
		List<ApiKey> matches = this.keys.findByPrefix(prefix);
		if (matches.isEmpty()) {
			throw new InvalidRequest("No API key has the prefix '" + prefix + "'.");
		}
		if (matches.size() > 1) {
			throw new InvalidRequest("More than one API key has the prefix '" + prefix + "'.");
		}
		ApiKey key = matches.get(0);
		if (key.isRevoked()) {
			return key;
		}
		ApiKey revoked = key.revoke(Timestamps.now(this.clock));
		this.keys.revoke(revoked.id(), revoked.revokedAt());
		this.verifier.reload();
		return revoked;
	}

	private Workspace workspace(WorkspaceSlug slug) {
		return this.workspaces.findBySlug(slug)
			.orElseThrow(() -> new InvalidRequest("No workspace has the slug '" + slug + "'."));
	}

	static Set<Scope> parseScopes(List<String> names) {
		Set<Scope> scopes = new LinkedHashSet<>();
		for (String name : names) {
			String trimmed = name.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			scopes.add(Scope.fromWireName(trimmed)
				.orElseThrow(() -> new InvalidRequest("Unknown scope '" + trimmed + "'. Known scopes: "
						+ String.join(", ", Arrays.stream(Scope.values()).map(Scope::wireName).toList()) + ".")));
		}
		return scopes;
	}

	static Duration parseDuration(String text) {
		Matcher matcher = DURATION.matcher(text.strip());
		if (!matcher.matches()) {
			throw new InvalidRequest(
					"An expiry is a positive number followed by m, h, d or w (minutes, hours, days, weeks), such as 30d; got '"
							+ text + "'.");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> Duration.ofDays(amount * 7);
		};
	}

}

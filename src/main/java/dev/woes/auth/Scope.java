package dev.woes.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a key may do. A key with no scopes may do everything.
 */
public enum Scope {

	AGENTS_READ("agents:read"), ANALYTICS_READ("analytics:read"), CLIENTS_READ("clients:read"),
	CLIENTS_WRITE("clients:write"), CONVERSATIONS_READ("conversations:read"),
	CONVERSATIONS_WRITE("conversations:write"), DEFINITIONS_READ("definitions:read"),
	DEFINITIONS_WRITE("definitions:write"), EVENTS_READ("events:read"), ISSUES_READ("issues:read"),
	ISSUES_WRITE("issues:write"), OPERATORS_READ("operators:read"), OPERATORS_WRITE("operators:write"),
	SOURCES_READ("sources:read"), SOURCES_WRITE("sources:write"), USAGE_READ("usage:read"),
	WEBHOOKS_READ("webhooks:read"), WEBHOOKS_WRITE("webhooks:write");

	private final String wireName;

	Scope(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public static Optional<Scope> fromWireName(String name) {
		return Arrays.stream(values()).filter((scope) -> scope.wireName.equals(name)).findFirst();
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}

package dev.woes.conversation;

import java.util.Objects;

/**
 * The person a conversation is with, as the channel identified them.
 * {@code identitySource} says how the identity was established: {@code headers} for one
 * asserted by the calling server.
 */
public record Customer(String id, String name, String email, String company, String identitySource) {

	public static final String ASSERTED_BY_CALLER = "headers";

	public Customer {
		Objects.requireNonNull(id, "id");
		name = Objects.requireNonNullElse(name, "");
		company = Objects.requireNonNullElse(company, "");
		identitySource = Objects.requireNonNullElse(identitySource, ASSERTED_BY_CALLER);
	}

}

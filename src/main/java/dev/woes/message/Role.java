package dev.woes.message;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who wrote a message: the customer ({@code user}) or the support side
 * ({@code assistant}, an agent or an operator).
 */
public enum Role {

	USER, ASSISTANT;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> fromWireName(String name) {
		return Arrays.stream(values()).filter((role) -> role.wireName().equals(name)).findFirst();
	}

}

package dev.woes.conversation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The lifecycle of a conversation: {@code open} (someone on the team should act),
 * {@code waiting} (the team waits on the customer or on something else) and
 * {@code solved}.
 */
public enum ConversationStatus {

	OPEN, WAITING, SOLVED;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ConversationStatus> fromWireName(String name) {
		return Arrays.stream(values()).filter((status) -> status.wireName().equals(name)).findFirst();
	}

}

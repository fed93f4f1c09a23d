package dev.woes.definition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a tag labels: {@code issue} tags label support work (conversations and issues),
 * {@code account} tags label customers' accounts.
 */
public enum TagScope {

	ISSUE, ACCOUNT;

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<TagScope> fromWireName(String name) {
		return Arrays.stream(values()).filter((scope) -> scope.wireName().equals(name)).findFirst();
	}

}

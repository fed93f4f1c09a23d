package dev.woes.conversation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a conversation came in.
 */
public enum Channel {

	API("api"), LIVE_CHAT("live-chat"), EMAIL("email"), DISCORD("discord");

	private final String wireName;

	Channel(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public static Optional<Channel> fromWireName(String name) {
		return Arrays.stream(values()).filter((channel) -> channel.wireName.equals(name)).findFirst();
	}

}

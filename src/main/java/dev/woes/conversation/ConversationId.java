package dev.woes.conversation;

import java.util.Objects;
import java.util.UUID;

import dev.woes.shared.Uuids;

public record ConversationId(UUID value) {

	public ConversationId {
		Objects.requireNonNull(value, "value");
	}

	public static ConversationId generate() {
		return new ConversationId(Uuids.v7());
	}

	/**
	 * Reads an id from a path; text that is not a UUID cannot name a conversation, so it
	 * is reported exactly like a missing one.
	 */
	public static ConversationId parse(String text) {
		return Uuids.parse(text).map(ConversationId::new).orElseThrow(ConversationNotFound::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

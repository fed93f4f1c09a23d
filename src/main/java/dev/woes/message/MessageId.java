package dev.woes.message;

import java.util.Objects;
import java.util.UUID;

import dev.woes.shared.Uuids;

public record MessageId(UUID value) {

	public MessageId {
		Objects.requireNonNull(value, "value");
	}

	public static MessageId generate() {
		return new MessageId(Uuids.v7());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

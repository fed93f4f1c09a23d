package dev.woes.issue;

import java.util.Objects;
import java.util.UUID;

import dev.woes.shared.Uuids;

public record ExternalLinkId(UUID value) {

	public ExternalLinkId {
		Objects.requireNonNull(value, "value");
	}

	public static ExternalLinkId generate() {
		return new ExternalLinkId(Uuids.v7());
	}

	/**
	 * Reads an id from a path; text that is not a UUID is reported like a missing link.
	 */
	public static ExternalLinkId parse(String text) {
		return Uuids.parse(text).map(ExternalLinkId::new).orElseThrow(ExternalLinkNotFound::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

package dev.woes.issue;

import java.util.Objects;
import java.util.UUID;

import dev.woes.shared.Uuids;

public record IssueId(UUID value) {

	public IssueId {
		Objects.requireNonNull(value, "value");
	}

	public static IssueId generate() {
		return new IssueId(Uuids.v7());
	}

	/**
	 * Reads an id from a path; text that is not a UUID cannot name an issue, so it is
	 * reported exactly like a missing one.
	 */
	public static IssueId parse(String text) {
		return Uuids.parse(text).map(IssueId::new).orElseThrow(IssueNotFound::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

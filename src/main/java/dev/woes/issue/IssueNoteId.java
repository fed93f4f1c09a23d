package dev.woes.issue;

import java.util.Objects;
import java.util.UUID;

import dev.woes.shared.Uuids;

public record IssueNoteId(UUID value) {

	public IssueNoteId {
		Objects.requireNonNull(value, "value");
	}

	public static IssueNoteId generate() {
		return new IssueNoteId(Uuids.v7());
	}

	/**
	 * Reads an id from a path; text that is not a UUID is reported like a missing note.
	 */
	public static IssueNoteId parse(String text) {
		return Uuids.parse(text).map(IssueNoteId::new).orElseThrow(IssueNoteNotFound::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

package dev.woes.note;

import java.util.Objects;
import java.util.UUID;

import dev.woes.shared.Uuids;

public record NoteId(UUID value) {

	public NoteId {
		Objects.requireNonNull(value, "value");
	}

	public static NoteId generate() {
		return new NoteId(Uuids.v7());
	}

	/**
	 * Reads an id from a path; text that is not a UUID cannot name a note, so it is
	 * reported exactly like a missing one.
	 */
	public static NoteId parse(String text) {
		return Uuids.parse(text).map(NoteId::new).orElseThrow(NoteNotFound::new);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}

package dev.woes.note;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.woes.shared.Timestamps;

/**
 * A note as its events carry it: {@code conversationId} and {@code note}. The event of a
 * deletion carries the note without its body and mentions, so a deleted note's text does
 * not live on in the conversation's history.
 */
final class NotePayload {

	private NotePayload() {
	}

	static Map<String, Object> of(Note note) {
		Map<String, Object> data = deleted(note);
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) data.get("note");
		fields.put("body", note.body());
		fields.put("mentions", note.mentions().stream().map(UUID::toString).toList());
		return data;
	}

	static Map<String, Object> deleted(Note note) {
		Map<String, Object> author = new LinkedHashMap<>();
		author.put("type", note.author().type());
		author.put("id", (note.author().operatorId() != null) ? note.author().operatorId().toString() : null);
		author.put("name", note.author().name());
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", note.id().toString());
		fields.put("author", author);
		fields.put("createdAt", Timestamps.format(note.createdAt()));
		fields.put("updatedAt", Timestamps.format(note.updatedAt()));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversationId", note.conversationId().toString());
		data.put("note", fields);
		return data;
	}

}

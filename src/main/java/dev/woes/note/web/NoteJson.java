package dev.woes.note.web;

import java.util.List;
import java.util.UUID;

import dev.woes.note.Note;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Note", requiredProperties = { "object", "id", "conversationId", "author", "body", "mentions",
		"createdAt", "updatedAt" })
record NoteJson(@Schema(allowableValues = "note") String object, String id, String conversationId,
		NoteAuthorJson author, String body,
		@ArraySchema(schema = @Schema(format = "uuid"),
				arraySchema = @Schema(description = "Ids of the operators the body mentions")) List<String> mentions,
		@Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt) {

	static NoteJson of(Note note) {
		return new NoteJson("note", note.id().toString(), note.conversationId().toString(),
				NoteAuthorJson.of(note.author()), note.body(), note.mentions().stream().map(UUID::toString).toList(),
				Timestamps.format(note.createdAt()), Timestamps.format(note.updatedAt()));
	}

}

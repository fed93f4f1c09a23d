package dev.woes.timeline.web;

import java.util.List;
import java.util.UUID;

import dev.woes.note.Note;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A note as the timeline shows it: the fields of the note object, less the author, which
 * is the item's actor.
 */
@Schema(name = "TimelineNote",
		requiredProperties = { "object", "id", "conversationId", "body", "mentions", "createdAt", "updatedAt" })
record TimelineNoteJson(@Schema(allowableValues = "note") String object, String id, String conversationId, String body,
		List<String> mentions, @Schema(format = "date-time") String createdAt,
		@Schema(format = "date-time") String updatedAt) {

	static TimelineNoteJson of(Note note) {
		return new TimelineNoteJson("note", note.id().toString(), note.conversationId().toString(), note.body(),
				note.mentions().stream().map(UUID::toString).toList(), Timestamps.format(note.createdAt()),
				Timestamps.format(note.updatedAt()));
	}

}

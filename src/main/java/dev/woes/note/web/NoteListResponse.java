package dev.woes.note.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "NoteListResponse", requiredProperties = { "object", "hasMore", "notes" })
record NoteListResponse(@Schema(allowableValues = "list") String object, boolean hasMore, List<NoteJson> notes) {

}

package dev.woes.note.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "NoteResponse", requiredProperties = "note")
record NoteResponse(NoteJson note) {

}

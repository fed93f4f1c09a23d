package dev.woes.note.web;

import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

@Schema(name = "CreateNoteRequest", requiredProperties = { "author", "body" })
record CreateNoteRequest(@NotNull(message = "is required") @Valid NoteAuthorJson author, @Schema(minLength = 1,
		maxLength = 8000) @NotNull(message = "is required") @TextLength(min = 1, max = 8000) String body) {

}

package dev.woes.note.web;

import dev.woes.note.NoteAuthor;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import dev.woes.shared.Uuids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Who wrote a note, as sent on creation and as returned: an operator of the workspace by
 * {@code id}, or an automation by {@code name}.
 */
@Schema(name = "NoteAuthor", requiredProperties = { "type" },
		description = "An operator ({type: operator, id}) or an automation ({type: automation, name}).")
record NoteAuthorJson(@Schema(allowableValues = {
		"operator", "automation" }) @NotNull(message = "is required") @Pattern(regexp = "operator|automation",
				message = "must be one of operator, automation") String type,
		@Schema(format = "uuid", types = { "string", "null" },
				description = "The operator's id; null for an automation.") String id,
		@Schema(minLength = 1, maxLength = 80, types = { "string", "null" },
				description = "The automation's name; null for an operator.") @TextLength(min = 1,
						max = 80) String name){

	static NoteAuthorJson of(NoteAuthor author) {
		return new NoteAuthorJson(author.type(), (author.operatorId() != null) ? author.operatorId().toString() : null,
				author.name());
	}

	NoteAuthor toAuthor() {
		if (NoteAuthor.OPERATOR.equals(this.type)) {
			if (this.name != null) {
				throw new InvalidRequest("author.name is only for an automation; an operator is named by author.id.");
			}
			if (this.id == null) {
				throw new InvalidRequest("author.id is required for an operator.");
			}
			return NoteAuthor.operator(Uuids.parse(this.id)
				.orElseThrow(() -> new InvalidRequest("author.id must be an operator id (a UUID).")));
		}
		if (this.id != null) {
			throw new InvalidRequest("author.id is only for an operator; an automation is named by author.name.");
		}
		if (this.name == null) {
			throw new InvalidRequest("author.name is required for an automation.");
		}
		return NoteAuthor.automation(this.name);
	}

}

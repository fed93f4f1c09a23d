package dev.woes.note.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A PATCH carries at least one field; {@code body} is the one a note has. It is a class
 * rather than a record so that {@code "body": null} can be told apart from a body left
 * out.
 */
@Schema(name = "UpdateNoteRequest", minProperties = 1)
final class UpdateNoteRequest {

	@JsonProperty
	@Schema(minLength = 1, maxLength = 8000)
	@TextLength(min = 1, max = 8000)
	private String body;

	private boolean bodyPresent;

	@JsonSetter("body")
	void body(String body) {
		this.bodyPresent = true;
		this.body = body;
	}

	String newBody() {
		if (!this.bodyPresent) {
			throw new InvalidRequest("A PATCH body must carry body.");
		}
		if (this.body == null) {
			throw new InvalidRequest("body must not be null.");
		}
		return this.body;
	}

}

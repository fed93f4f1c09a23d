package dev.woes.timeline.web;

import dev.woes.event.Actor;
import dev.woes.message.MessageAuthor;
import dev.woes.note.NoteAuthor;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who wrote a message or a note, or made a change. {@code id} names a customer, an
 * operator or an API key; {@code name} names an automation.
 */
@Schema(name = "TimelineActor", requiredProperties = { "type", "id", "name" })
record TimelineActorJson(@Schema(allowableValues = {
		"customer", "operator", "automation", "api_key", "system" }) String type,
		@Schema(types = { "string", "null" }) String id, @Schema(types = { "string", "null" }) String name){

	private static final String AUTOMATION = "automation";

	static TimelineActorJson of(MessageAuthor author) {
		return new TimelineActorJson(author.type(), AUTOMATION.equals(author.type()) ? null : author.id(),
				AUTOMATION.equals(author.type()) ? author.id() : null);
	}

	static TimelineActorJson of(NoteAuthor author) {
		return new TimelineActorJson(author.type(),
				(author.operatorId() != null) ? author.operatorId().toString() : null, author.name());
	}

	static TimelineActorJson of(Actor actor) {
		return new TimelineActorJson(actor.type(), AUTOMATION.equals(actor.type()) ? null : actor.id(),
				AUTOMATION.equals(actor.type()) ? actor.id() : null);
	}

}

package dev.woes.feed.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.woes.event.StoredEvent;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An event as the feed and the stream show it: the webhook envelope ({@code id},
 * {@code type}, {@code createdAt}, {@code data}) without {@code workspaceId} (responses
 * never carry workspace ids), with the {@code object} discriminator and the
 * {@code actor}.
 */
@Schema(name = "Event", requiredProperties = { "object", "id", "type", "createdAt", "actor", "data" })
record EventJson(@Schema(allowableValues = "event") String object, String id, String type,
		@Schema(format = "date-time") String createdAt, EventActorJson actor, @JsonRawValue @Schema(type = "object",
				description = "What changed, as the webhook of the same type carries it") String data) {

	static EventJson of(StoredEvent event) {
		return new EventJson("event", event.id().toString(), event.type(), Timestamps.format(event.occurredAt()),
				new EventActorJson(event.actor().type(), event.actor().id()), event.data());
	}

}

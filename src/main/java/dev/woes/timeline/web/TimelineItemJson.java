package dev.woes.timeline.web;

import dev.woes.shared.Timestamps;
import dev.woes.timeline.TimelineItem;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * One timeline item. {@code type} says which of {@code message}, {@code note} and
 * {@code change} is set; the other two are null.
 */
@Schema(name = "TimelineItem",
		requiredProperties = { "object", "id", "type", "at", "actor", "message", "note", "change" })
record TimelineItemJson(@Schema(allowableValues = "timeline_item") String object, String id, @Schema(allowableValues = {
		"message", "note", "change" }) String type, @Schema(format = "date-time") String at, TimelineActorJson actor,
		@Schema(types = { "object", "null" }) TimelineMessageJson message,
		@Schema(types = { "object", "null" }) TimelineNoteJson note,
		@Schema(types = { "object", "null" }) TimelineChangeJson change){

	private static final String OBJECT = "timeline_item";

	static TimelineItemJson of(TimelineItem item, JsonMapper json) {
		String id = item.id().toString();
		String at = Timestamps.format(item.at());
		return switch (item.kind()) {
			case MESSAGE -> new TimelineItemJson(OBJECT, id, "message", at,
					TimelineActorJson.of(item.message().author()), TimelineMessageJson.of(item.message()), null, null);
			case NOTE -> new TimelineItemJson(OBJECT, id, "note", at, TimelineActorJson.of(item.note().author()), null,
					TimelineNoteJson.of(item.note()), null);
			case CHANGE -> new TimelineItemJson(OBJECT, id, "change", at, TimelineActorJson.of(item.change().actor()),
					null, null, new TimelineChangeJson(item.change().type(), json.readTree(item.change().data())));
		};
	}

}

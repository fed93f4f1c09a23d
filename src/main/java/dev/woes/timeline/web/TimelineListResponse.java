package dev.woes.timeline.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "TimelineListResponse", requiredProperties = { "object", "hasMore", "items" })
record TimelineListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<TimelineItemJson> items) {

}

package dev.woes.feed.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "EventListResponse", requiredProperties = { "object", "hasMore", "events" })
record EventListResponse(@Schema(allowableValues = "list") String object, boolean hasMore, List<EventJson> events) {

}

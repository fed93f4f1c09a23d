package dev.woes.handoff.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "HandoffListResponse", requiredProperties = { "object", "hasMore", "handoffs" })
record HandoffListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<HandoffJson> handoffs) {

}

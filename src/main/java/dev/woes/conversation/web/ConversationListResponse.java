package dev.woes.conversation.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ConversationListResponse", requiredProperties = { "object", "hasMore", "conversations" })
record ConversationListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<ConversationJson> conversations) {

}

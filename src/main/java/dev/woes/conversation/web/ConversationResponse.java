package dev.woes.conversation.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ConversationResponse", requiredProperties = "conversation")
record ConversationResponse(ConversationJson conversation) {

}

package dev.woes.message.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "MessageResponse", requiredProperties = "message")
record MessageResponse(MessageJson message) {

}

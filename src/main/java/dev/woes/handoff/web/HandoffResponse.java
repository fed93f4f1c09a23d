package dev.woes.handoff.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "HandoffResponse", requiredProperties = "handoff")
record HandoffResponse(HandoffJson handoff) {

}

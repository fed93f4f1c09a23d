package dev.woes.handoff.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "HandlingResponse", requiredProperties = "handling")
record HandlingResponse(HandlingJson handling) {

}

package dev.woes.operator.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "TeamResponse", requiredProperties = "team")
record TeamResponse(TeamJson team) {

}

package dev.woes.participant.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ParticipantResponse", requiredProperties = "participant")
record ParticipantResponse(ParticipantJson participant) {

}

package dev.woes.assignment.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "AssignmentResponse", requiredProperties = "assignment")
record AssignmentResponse(AssignmentJson assignment) {

}

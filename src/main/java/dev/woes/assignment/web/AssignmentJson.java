package dev.woes.assignment.web;

import java.util.UUID;

import dev.woes.assignment.Assignment;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Assignment", requiredProperties = { "object", "conversationId", "operatorId", "teamId", "assignedAt" })
record AssignmentJson(@Schema(allowableValues = "assignment") String object, String conversationId,
		@Schema(nullable = true) String operatorId, @Schema(nullable = true) String teamId,
		@Schema(format = "date-time", nullable = true) String assignedAt) {

	static AssignmentJson of(Assignment assignment) {
		return new AssignmentJson("assignment", assignment.conversationId().toString(), text(assignment.operatorId()),
				text(assignment.teamId()), Timestamps.format(assignment.assignedAt()));
	}

	private static String text(UUID id) {
		return (id != null) ? id.toString() : null;
	}

}

package dev.woes.assignment.web;

import java.util.UUID;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Uuids;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A PUT replaces the owners: a field left out or null is no longer assigned, and at least
 * one must be set (DELETE removes both).
 */
@Schema(name = "AssignConversationRequest")
record AssignConversationRequest(@Schema(format = "uuid", nullable = true) String operatorId,
		@Schema(format = "uuid", nullable = true) String teamId) {

	UUID operator() {
		requireOne();
		return parse("operatorId", this.operatorId);
	}

	UUID team() {
		return parse("teamId", this.teamId);
	}

	private void requireOne() {
		if (this.operatorId == null && this.teamId == null) {
			throw new InvalidRequest(
					"operatorId or teamId is required; DELETE the assignment to leave the conversation unassigned.");
		}
	}

	private static UUID parse(String field, String text) {
		if (text == null) {
			return null;
		}
		return Uuids.parse(text).orElseThrow(() -> new InvalidRequest(field + " must be a UUID."));
	}

}

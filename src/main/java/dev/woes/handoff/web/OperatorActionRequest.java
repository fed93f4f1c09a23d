package dev.woes.handoff.web;

import java.util.UUID;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Uuids;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Names the operator who acts: required to take over, optional to release.
 */
@Schema(name = "OperatorActionRequest")
record OperatorActionRequest(@Schema(format = "uuid") String operatorId) {

	UUID operator() {
		if (this.operatorId == null) {
			return null;
		}
		return Uuids.parse(this.operatorId).orElseThrow(() -> new InvalidRequest("operatorId must be a UUID."));
	}

	UUID requiredOperator() {
		if (this.operatorId == null) {
			throw new InvalidRequest("operatorId is required.");
		}
		return operator();
	}

}

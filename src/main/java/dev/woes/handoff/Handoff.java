package dev.woes.handoff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.shared.Timestamps;
import dev.woes.shared.Uuids;

/**
 * One handoff of a conversation from automation to people: requested, then possibly taken
 * over by an operator, and finally released back to automation.
 *
 * @param requestedBy {@code agent}, {@code customer}, {@code automation} or
 * {@code operator}
 * @param teamId the team asked to take it, if any
 */
public record Handoff(UUID id, ConversationId conversationId, String reason, String requestedBy, UUID teamId,
		Instant requestedAt, Instant takenOverAt, UUID takenOverBy, Instant releasedAt) {

	public static final String REQUESTED = "requested";

	public static final String TAKEN_OVER = "taken_over";

	public static final String RELEASED = "released";

	static Handoff request(ConversationId conversation, String reason, String requestedBy, UUID teamId, Instant now) {
		return new Handoff(Uuids.v7(), conversation, reason, requestedBy, teamId, now, null, null, null);
	}

	/**
	 * {@code requested}, {@code taken_over} or {@code released}.
	 */
	public String state() {
		if (this.releasedAt != null) {
			return RELEASED;
		}
		return (this.takenOverAt != null) ? TAKEN_OVER : REQUESTED;
	}

	Handoff takenOverBy(UUID operatorId, Instant now) {
		if (!state().equals(REQUESTED)) {
			throw new IllegalHandoffTransition("An operator already handles this conversation.");
		}
		return new Handoff(this.id, this.conversationId, this.reason, this.requestedBy, this.teamId, this.requestedAt,
				now, operatorId, null);
	}

	Handoff released(Instant now) {
		if (state().equals(RELEASED)) {
			throw new IllegalHandoffTransition("Automation already handles this conversation.");
		}
		return new Handoff(this.id, this.conversationId, this.reason, this.requestedBy, this.teamId, this.requestedAt,
				this.takenOverAt, this.takenOverBy, now);
	}

	Map<String, Object> payload() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", this.id.toString());
		data.put("state", state());
		data.put("reason", this.reason);
		data.put("requestedBy", this.requestedBy);
		data.put("teamId", (this.teamId != null) ? this.teamId.toString() : null);
		data.put("requestedAt", Timestamps.format(this.requestedAt));
		data.put("takenOverAt", Timestamps.format(this.takenOverAt));
		data.put("takenOverBy", (this.takenOverBy != null) ? this.takenOverBy.toString() : null);
		data.put("releasedAt", Timestamps.format(this.releasedAt));
		return data;
	}

}

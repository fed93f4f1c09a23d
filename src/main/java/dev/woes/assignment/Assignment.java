package dev.woes.assignment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.shared.Timestamps;

/**
 * Who owns a conversation: an operator, a team, both, or (both null) nobody.
 *
 * @param assignedAt when the current owners were set; {@code null} while unassigned
 */
public record Assignment(ConversationId conversationId, UUID operatorId, UUID teamId, Instant assignedAt) {

	public static Assignment none(ConversationId conversationId) {
		return new Assignment(conversationId, null, null, null);
	}

	public boolean isEmpty() {
		return this.operatorId == null && this.teamId == null;
	}

	public boolean sameOwners(UUID operator, UUID team) {
		return Objects.equals(this.operatorId, operator) && Objects.equals(this.teamId, team);
	}

	Map<String, Object> payload() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("operatorId", (this.operatorId != null) ? this.operatorId.toString() : null);
		data.put("teamId", (this.teamId != null) ? this.teamId.toString() : null);
		data.put("assignedAt", Timestamps.format(this.assignedAt));
		return data;
	}

}

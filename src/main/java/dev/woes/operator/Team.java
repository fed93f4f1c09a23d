package dev.woes.operator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A named group of operators that conversations can be assigned to.
 *
 * @param operatorIds its members, in the order they joined
 */
public record Team(UUID id, String name, List<UUID> operatorIds, Instant createdAt, Instant updatedAt) {

	public Team {
		operatorIds = List.copyOf(operatorIds);
	}

	public boolean hasMember(UUID operatorId) {
		return this.operatorIds.contains(operatorId);
	}

}

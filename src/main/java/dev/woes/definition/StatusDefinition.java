package dev.woes.definition;

import java.util.UUID;

import dev.woes.conversation.ConversationStatus;
import dev.woes.shared.Uuids;

/**
 * A status label: a name for one lifecycle ({@code open}, {@code waiting} or
 * {@code solved}), so that a team can tell "Waiting on customer" from "Waiting on team".
 * Its lifecycle is fixed once created. The enabled status of lowest rank is its
 * lifecycle's default.
 */
public record StatusDefinition(UUID id, String label, ConversationStatus lifecycle, boolean enabled, int rank,
		String tone, String color) {

	public static StatusDefinition create(String label, ConversationStatus lifecycle, boolean enabled, int rank,
			String tone, String color) {
		return new StatusDefinition(Uuids.v7(), label, lifecycle, enabled, rank, tone, color);
	}

	/**
	 * This status with the given changes; a null member keeps its value.
	 */
	public StatusDefinition with(DefinitionChanges changes) {
		return new StatusDefinition(this.id, changes.orLabel(this.label), this.lifecycle,
				changes.orEnabled(this.enabled), changes.orRank(this.rank), changes.orTone(this.tone),
				changes.orColor(this.color));
	}

}

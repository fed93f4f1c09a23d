package dev.woes.definition;

import java.util.UUID;

import dev.woes.shared.Uuids;

/**
 * A named priority. A conversation's {@code priority} stays a free label; these
 * definitions are the choices a client offers and how a queue shows them.
 */
public record PriorityDefinition(UUID id, String label, boolean enabled, boolean highlightInQueue, int rank,
		String tone, String color) {

	public static PriorityDefinition create(String label, boolean enabled, boolean highlightInQueue, int rank,
			String tone, String color) {
		return new PriorityDefinition(Uuids.v7(), label, enabled, highlightInQueue, rank, tone, color);
	}

	public PriorityDefinition with(DefinitionChanges changes, Boolean newHighlightInQueue) {
		return new PriorityDefinition(this.id, changes.orLabel(this.label), changes.orEnabled(this.enabled),
				(newHighlightInQueue != null) ? newHighlightInQueue : this.highlightInQueue, changes.orRank(this.rank),
				changes.orTone(this.tone), changes.orColor(this.color));
	}

}

package dev.woes.definition;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages a workspace's priority definitions. A workspace gets the defaults
 * {@code urgent}, {@code high}, {@code medium} and {@code low} the first time its
 * priorities are needed.
 */
@Service
public class PriorityManagement {

	static final String KIND = "priorities";

	private final OrderedDefinitionKind<PriorityDefinition> kind;

	PriorityManagement(Priorities priorities, DefinitionSeeds seeds, EventLog events, Clock clock) {
		this.kind = new OrderedDefinitionKind<>(KIND, priorities, new RecordedDefinitions<>(priorities,
				PriorityDefinition::id, DefinitionPayload::of, PriorityNotFound::new, events, clock), seeds,
				PriorityManagement::defaults);
	}

	@Transactional
	public List<PriorityDefinition> list(WorkspaceId workspace) {
		return this.kind.list(workspace);
	}

	@Transactional
	public PriorityDefinition get(WorkspaceId workspace, UUID id) {
		return this.kind.get(workspace, id);
	}

	@Transactional
	public PriorityDefinition create(WorkspaceId workspace, Actor actor, String label, Boolean enabled,
			Boolean highlightInQueue, Integer rank, String tone, String color) {
		return this.kind.create(workspace, actor, rank,
				(resolvedRank) -> PriorityDefinition.create(label, (enabled != null) ? enabled : true,
						(highlightInQueue != null) ? highlightInQueue : false, resolvedRank,
						(tone != null) ? tone : "neutral", (color != null) ? color : "#6B7280"));
	}

	@Transactional
	public PriorityDefinition update(WorkspaceId workspace, Actor actor, UUID id, DefinitionChanges changes,
			Boolean highlightInQueue) {
		return this.kind.update(workspace, actor, id, (current) -> current.with(changes, highlightInQueue));
	}

	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		this.kind.delete(workspace, actor, id);
	}

	private static List<PriorityDefinition> defaults() {
		return List.of(PriorityDefinition.create("urgent", true, true, 1, "danger", "#DC2626"),
				PriorityDefinition.create("high", true, true, 2, "warning", "#EA580C"),
				PriorityDefinition.create("medium", true, false, 3, "neutral", "#6B7280"),
				PriorityDefinition.create("low", true, false, 4, "info", "#9CA3AF"));
	}

}

package dev.woes.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.Timestamps;
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

	private final Priorities priorities;

	private final DefinitionSeeds seeds;

	private final EventLog events;

	private final Clock clock;

	PriorityManagement(Priorities priorities, DefinitionSeeds seeds, EventLog events, Clock clock) {
		this.priorities = priorities;
		this.seeds = seeds;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public List<PriorityDefinition> list(WorkspaceId workspace) {
		seed(workspace);
		return this.priorities.list(workspace);
	}

	@Transactional
	public PriorityDefinition get(WorkspaceId workspace, UUID id) {
		seed(workspace);
		return this.priorities.find(workspace, id).orElseThrow(PriorityNotFound::new);
	}

	@Transactional
	public PriorityDefinition create(WorkspaceId workspace, Actor actor, String label, Boolean enabled,
			Boolean highlightInQueue, Integer rank, String tone, String color) {
		seed(workspace);
		this.seeds.lock(workspace, KIND);
		if (this.priorities.list(workspace).size() >= DefinitionLimit.MAX) {
			throw new DefinitionLimit(KIND);
		}
		PriorityDefinition priority = PriorityDefinition.create(label, (enabled != null) ? enabled : true,
				(highlightInQueue != null) ? highlightInQueue : false,
				(rank != null) ? rank : this.priorities.nextRank(workspace), (tone != null) ? tone : "neutral",
				(color != null) ? color : "#6B7280");
		this.priorities.add(workspace, priority, now());
		this.events.record(workspace, EventType.DEFINITION_CREATED, actor, priority.id(),
				DefinitionPayload.of(priority));
		return priority;
	}

	@Transactional
	public PriorityDefinition update(WorkspaceId workspace, Actor actor, UUID id, DefinitionChanges changes,
			Boolean highlightInQueue) {
		seed(workspace);
		this.seeds.lock(workspace, KIND);
		PriorityDefinition current = this.priorities.find(workspace, id).orElseThrow(PriorityNotFound::new);
		PriorityDefinition changed = current.with(changes, highlightInQueue);
		if (!changed.equals(current)) {
			this.priorities.update(workspace, changed);
			this.events.record(workspace, EventType.DEFINITION_UPDATED, actor, id, DefinitionPayload.of(changed));
		}
		return changed;
	}

	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		seed(workspace);
		this.seeds.lock(workspace, KIND);
		PriorityDefinition current = this.priorities.find(workspace, id).orElseThrow(PriorityNotFound::new);
		this.priorities.remove(workspace, id);
		this.events.record(workspace, EventType.DEFINITION_DELETED, actor, id, DefinitionPayload.of(current));
	}

	private void seed(WorkspaceId workspace) {
		if (this.seeds.claimed(workspace, KIND) || !this.seeds.claim(workspace, KIND, now())) {
			return;
		}
		List<PriorityDefinition> defaults = List.of(
				PriorityDefinition.create("urgent", true, true, 1, "danger", "#DC2626"),
				PriorityDefinition.create("high", true, true, 2, "warning", "#EA580C"),
				PriorityDefinition.create("medium", true, false, 3, "neutral", "#6B7280"),
				PriorityDefinition.create("low", true, false, 4, "info", "#9CA3AF"));
		for (PriorityDefinition priority : defaults) {
			this.priorities.add(workspace, priority, now());
			this.events.record(workspace, EventType.DEFINITION_CREATED, Actor.SYSTEM, priority.id(),
					DefinitionPayload.of(priority));
		}
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

}

package dev.woes.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationStatus;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manages a workspace's status labels. A workspace gets its defaults the first time its
 * statuses are needed; afterwards every lifecycle keeps at least one enabled status, and
 * the enabled one of lowest rank is that lifecycle's default.
 */
@Service
public class StatusManagement {

	static final String KIND = "statuses";

	private final Statuses statuses;

	private final DefinitionSeeds seeds;

	private final EventLog events;

	private final Clock clock;

	StatusManagement(Statuses statuses, DefinitionSeeds seeds, EventLog events, Clock clock) {
		this.statuses = statuses;
		this.seeds = seeds;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public List<StatusDefinition> list(WorkspaceId workspace) {
		seed(workspace);
		return this.statuses.list(workspace);
	}

	@Transactional
	public StatusDefinition get(WorkspaceId workspace, UUID id) {
		seed(workspace);
		return this.statuses.find(workspace, id).orElseThrow(StatusNotFound::new);
	}

	/**
	 * The status a conversation of this lifecycle shows when it has no label of its own.
	 */
	@Transactional
	public StatusDefinition defaultFor(WorkspaceId workspace, ConversationStatus lifecycle) {
		return list(workspace).stream()
			.filter((status) -> status.enabled() && status.lifecycle() == lifecycle)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No enabled status for " + lifecycle));
	}

	@Transactional
	public StatusDefinition create(WorkspaceId workspace, Actor actor, String label, ConversationStatus lifecycle,
			Boolean enabled, Integer rank, String tone, String color) {
		seed(workspace);
		this.seeds.lock(workspace, KIND);
		if (this.statuses.list(workspace).size() >= DefinitionLimit.MAX) {
			throw new DefinitionLimit(KIND);
		}
		StatusDefinition status = StatusDefinition.create(label, lifecycle, (enabled != null) ? enabled : true,
				(rank != null) ? rank : this.statuses.nextRank(workspace), (tone != null) ? tone : "neutral",
				(color != null) ? color : "#6B7280");
		this.statuses.add(workspace, status, now());
		this.events.record(workspace, EventType.DEFINITION_CREATED, actor, status.id(), DefinitionPayload.of(status));
		return status;
	}

	@Transactional
	public StatusDefinition update(WorkspaceId workspace, Actor actor, UUID id, DefinitionChanges changes) {
		seed(workspace);
		this.seeds.lock(workspace, KIND);
		StatusDefinition current = this.statuses.find(workspace, id).orElseThrow(StatusNotFound::new);
		StatusDefinition changed = current.with(changes);
		if (current.enabled() && !changed.enabled()) {
			requireAnotherEnabled(workspace, current);
		}
		if (!changed.equals(current)) {
			this.statuses.update(workspace, changed);
			this.events.record(workspace, EventType.DEFINITION_UPDATED, actor, id, DefinitionPayload.of(changed));
		}
		return changed;
	}

	/**
	 * Deletes a status; conversations that showed it fall back to their lifecycle's
	 * default.
	 */
	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		seed(workspace);
		this.seeds.lock(workspace, KIND);
		StatusDefinition current = this.statuses.find(workspace, id).orElseThrow(StatusNotFound::new);
		if (current.enabled()) {
			requireAnotherEnabled(workspace, current);
		}
		this.statuses.remove(workspace, id);
		this.events.record(workspace, EventType.DEFINITION_DELETED, actor, id, DefinitionPayload.of(current));
	}

	private void requireAnotherEnabled(WorkspaceId workspace, StatusDefinition leaving) {
		boolean another = this.statuses.list(workspace)
			.stream()
			.anyMatch((status) -> status.enabled() && status.lifecycle() == leaving.lifecycle()
					&& !status.id().equals(leaving.id()));
		if (!another) {
			throw new LastEnabledStatus(leaving.lifecycle());
		}
	}

	private void seed(WorkspaceId workspace) {
		if (this.seeds.claimed(workspace, KIND) || !this.seeds.claim(workspace, KIND, now())) {
			return;
		}
		List<StatusDefinition> defaults = List.of(
				StatusDefinition.create("Open", ConversationStatus.OPEN, true, 1, "info", "#2563EB"),
				StatusDefinition.create("Waiting on customer", ConversationStatus.WAITING, true, 2, "warning",
						"#D97706"),
				StatusDefinition.create("Waiting on team", ConversationStatus.WAITING, true, 3, "neutral", "#7C3AED"),
				StatusDefinition.create("Solved", ConversationStatus.SOLVED, true, 4, "success", "#16A34A"));
		for (StatusDefinition status : defaults) {
			this.statuses.add(workspace, status, now());
			this.events.record(workspace, EventType.DEFINITION_CREATED, Actor.SYSTEM, status.id(),
					DefinitionPayload.of(status));
		}
	}

	private Instant now() {
		return Timestamps.now(this.clock);
	}

}

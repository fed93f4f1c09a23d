package dev.woes.definition;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationStatus;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
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

	private final OrderedDefinitionKind<StatusDefinition> kind;

	StatusManagement(Statuses statuses, DefinitionSeeds seeds, EventLog events, Clock clock) {
		this.statuses = statuses;
		this.kind = new OrderedDefinitionKind<>(KIND, statuses, new RecordedDefinitions<>(statuses,
				StatusDefinition::id, DefinitionPayload::of, StatusNotFound::new, events, clock), seeds,
				StatusManagement::defaults);
	}

	@Transactional
	public List<StatusDefinition> list(WorkspaceId workspace) {
		return this.kind.list(workspace);
	}

	@Transactional
	public StatusDefinition get(WorkspaceId workspace, UUID id) {
		return this.kind.get(workspace, id);
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
		return this.kind.create(workspace, actor, rank,
				(resolvedRank) -> StatusDefinition.create(label, lifecycle, (enabled != null) ? enabled : true,
						resolvedRank, (tone != null) ? tone : "neutral", (color != null) ? color : "#6B7280"));
	}

	@Transactional
	public StatusDefinition update(WorkspaceId workspace, Actor actor, UUID id, DefinitionChanges changes) {
		return this.kind.update(workspace, actor, id, (current) -> current.with(changes), (current, changed) -> {
			if (current.enabled() && !changed.enabled()) {
				requireAnotherEnabled(workspace, current);
			}
		});
	}

	/**
	 * Deletes a status; conversations that showed it fall back to their lifecycle's
	 * default.
	 */
	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, UUID id) {
		this.kind.delete(workspace, actor, id, (current) -> {
			if (current.enabled()) {
				requireAnotherEnabled(workspace, current);
			}
		});
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

	private static List<StatusDefinition> defaults() {
		return List.of(StatusDefinition.create("Open", ConversationStatus.OPEN, true, 1, "info", "#2563EB"),
				StatusDefinition.create("Waiting on customer", ConversationStatus.WAITING, true, 2, "warning",
						"#D97706"),
				StatusDefinition.create("Waiting on team", ConversationStatus.WAITING, true, 3, "neutral", "#7C3AED"),
				StatusDefinition.create("Solved", ConversationStatus.SOLVED, true, 4, "success", "#16A34A"));
	}

}

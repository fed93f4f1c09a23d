package dev.woes.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.Conversation;
import dev.woes.conversation.ConversationChanges;
import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationStatus;
import dev.woes.definition.StatusDefinition;
import dev.woes.definition.StatusNotFound;
import dev.woes.definition.StatusManagement;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and sets a conversation's status label and snooze. Setting a label of another
 * lifecycle moves the conversation to that lifecycle; a stored label that no longer
 * matches the conversation's lifecycle is never shown (the lifecycle's default is).
 */
@Service
public class ConversationLabels {

	private final ConversationManagement conversations;

	private final StatusManagement statuses;

	private final Labels labels;

	private final Snoozes snoozes;

	private final EventLog events;

	private final Clock clock;

	ConversationLabels(ConversationManagement conversations, StatusManagement statuses, Labels labels, Snoozes snoozes,
			EventLog events, Clock clock) {
		this.conversations = conversations;
		this.statuses = statuses;
		this.labels = labels;
		this.snoozes = snoozes;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ConversationLabel get(WorkspaceId workspace, ConversationId id) {
		Conversation conversation = this.conversations.get(workspace, id);
		return view(workspace, conversation);
	}

	/**
	 * Gives the conversation a label and, with {@code snoozeUntil}, snoozes it: it waits
	 * until then and goes back to open by itself. Any earlier snooze is replaced.
	 * @param statusId the label; null for the default waiting label of a snooze
	 * @param snoozeUntil null for no snooze
	 */
	@Transactional
	public ConversationLabel set(WorkspaceId workspace, Actor actor, ConversationId id, UUID statusId,
			Instant snoozeUntil) {
		Conversation conversation = this.conversations.lock(workspace, id);
		Instant now = Timestamps.now(this.clock);
		StatusDefinition target = (statusId != null) ? usable(workspace, statusId)
				: this.statuses.defaultFor(workspace, ConversationStatus.WAITING);
		if (snoozeUntil != null) {
			requireSnoozable(target, snoozeUntil, now);
		}
		StatusDefinition previous = view(workspace, conversation).label();
		if (conversation.status() != target.lifecycle()) {
			conversation = this.conversations.change(workspace, actor, id,
					new ConversationChanges(target.lifecycle(), null, null));
		}
		this.labels.putAtCommit(workspace, id, target.id(), now);
		if (!previous.id().equals(target.id())) {
			Map<String, Object> data = payload(conversation, target);
			data.put("previousStatusId", previous.id().toString());
			data.put("previousLabel", previous.label());
			this.events.record(workspace, EventType.CONVERSATION_LABEL_UPDATED, actor, id.value(), data);
		}
		Instant previousSnooze = this.snoozes.find(workspace, id).orElse(null);
		this.snoozes.remove(workspace, id);
		if (snoozeUntil != null) {
			this.snoozes.put(workspace, id, snoozeUntil, now);
		}
		if (!Objects.equals(snoozeUntil, previousSnooze)) {
			// A snooze set, replaced or (with null) cancelled.
			Map<String, Object> data = payload(conversation, target);
			data.put("snoozedUntil", Timestamps.format(snoozeUntil));
			this.events.record(workspace, EventType.CONVERSATION_SNOOZED, actor, id.value(), data);
		}
		return new ConversationLabel(id, conversation.status(), target, snoozeUntil);
	}

	private StatusDefinition usable(WorkspaceId workspace, UUID statusId) {
		StatusDefinition status = this.statuses.list(workspace)
			.stream()
			.filter((candidate) -> candidate.id().equals(statusId))
			.findFirst()
			.orElseThrow(StatusNotFound::new);
		if (!status.enabled()) {
			throw new InvalidRequest("statusId names the disabled status " + status.label() + "; enable it first.");
		}
		return status;
	}

	private static void requireSnoozable(StatusDefinition target, Instant until, Instant now) {
		if (target.lifecycle() != ConversationStatus.WAITING) {
			throw new InvalidSnooze("snoozedUntil needs a waiting status; " + target.label() + " is "
					+ target.lifecycle().wireName() + ".");
		}
		if (!until.isAfter(now)) {
			throw new InvalidSnooze("snoozedUntil must be in the future.");
		}
		if (until.isAfter(now.plus(Duration.ofDays(InvalidSnooze.MAX_DAYS)))) {
			throw new InvalidSnooze("snoozedUntil must be at most " + InvalidSnooze.MAX_DAYS + " days ahead.");
		}
	}

	private ConversationLabel view(WorkspaceId workspace, Conversation conversation) {
		List<StatusDefinition> all = this.statuses.list(workspace);
		Optional<UUID> stored = this.labels.find(workspace, conversation.id());
		StatusDefinition label = all.stream()
			.filter((status) -> stored.isPresent() && status.id().equals(stored.get())
					&& status.lifecycle() == conversation.status())
			.findFirst()
			.orElseGet(() -> this.statuses.defaultFor(workspace, conversation.status()));
		return new ConversationLabel(conversation.id(), conversation.status(), label,
				this.snoozes.find(workspace, conversation.id()).orElse(null));
	}

	private static Map<String, Object> payload(Conversation conversation, StatusDefinition label) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("conversationId", conversation.id().toString());
		data.put("status", conversation.status().wireName());
		data.put("statusId", label.id().toString());
		data.put("label", label.label());
		return data;
	}

}

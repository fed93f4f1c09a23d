package dev.woes.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.woes.assignment.AssignmentManagement;
import dev.woes.conversation.Conversation;
import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationPayload;
import dev.woes.conversation.ConversationStatus;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.operator.OperatorDirectory;
import dev.woes.operator.TeamManagement;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves conversations between automation and people. Every move locks the conversation
 * first, so concurrent requests see each other's result: of two takeovers, exactly one
 * wins and the other is refused.
 *
 * <pre>
 *  agent --request--> handoff_requested --takeover--> operator
 *    ^  \______________takeover___________________/     |
 *    |________________release (from either)_____________|
 * </pre>
 */
@Service
public class HandoffManagement {

	/**
	 * The reason recorded when an operator takes over without a request.
	 */
	static final String DIRECT_TAKEOVER = "Taken over by an operator without a request.";

	private final Handoffs handoffs;

	private final ConversationManagement conversations;

	private final AssignmentManagement assignments;

	private final OperatorDirectory operators;

	private final TeamManagement teams;

	private final EventLog events;

	private final Clock clock;

	HandoffManagement(Handoffs handoffs, ConversationManagement conversations, AssignmentManagement assignments,
			OperatorDirectory operators, TeamManagement teams, EventLog events, Clock clock) {
		this.handoffs = handoffs;
		this.conversations = conversations;
		this.assignments = assignments;
		this.operators = operators;
		this.teams = teams;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks for a person. Refused while a handoff is requested or an operator handles the
	 * conversation, and on a solved conversation.
	 */
	@Transactional
	public Handoff request(WorkspaceId workspace, Actor actor, ConversationId id, String reason, String requestedBy,
			UUID teamId) {
		Conversation conversation = this.conversations.lock(workspace, id);
		if (teamId != null) {
			this.teams.require(workspace, teamId);
		}
		if (conversation.status() == ConversationStatus.SOLVED) {
			throw new IllegalHandoffTransition("The conversation is solved; reopen it before requesting a handoff.");
		}
		Optional<Handoff> active = this.handoffs.active(workspace, id);
		if (active.isPresent()) {
			throw new IllegalHandoffTransition(active.get().state().equals(Handoff.REQUESTED)
					? "A handoff is already requested for this conversation."
					: "An operator already handles this conversation.");
		}
		Handoff handoff = Handoff.request(id, reason, requestedBy, teamId, Timestamps.now(this.clock));
		this.handoffs.add(workspace, handoff);
		record(workspace, EventType.AGENT_HANDOFF_CREATED, actor, conversation, handoff);
		return handoff;
	}

	/**
	 * An operator takes the conversation, answering a request or straight from
	 * automation, and is assigned when the conversation has no operator yet.
	 */
	@Transactional
	public Handoff takeOver(WorkspaceId workspace, ConversationId id, UUID operatorId) {
		Conversation conversation = this.conversations.lock(workspace, id);
		this.operators.require(workspace, operatorId);
		if (conversation.status() == ConversationStatus.SOLVED) {
			throw new IllegalHandoffTransition("The conversation is solved; reopen it before taking it over.");
		}
		Instant now = Timestamps.now(this.clock);
		Optional<Handoff> active = this.handoffs.active(workspace, id);
		Handoff handoff;
		if (active.isPresent()) {
			handoff = active.get().takenOverBy(operatorId, now);
			this.handoffs.update(workspace, handoff);
		}
		else {
			handoff = Handoff.request(id, DIRECT_TAKEOVER, "operator", null, now).takenOverBy(operatorId, now);
			this.handoffs.add(workspace, handoff);
		}
		Actor operator = Actor.operator(operatorId);
		record(workspace, EventType.AGENT_HANDOFF_TAKEN_OVER, operator, conversation, handoff);
		this.assignments.assignIfNobodyIs(workspace, operator, conversation, operatorId);
		return handoff;
	}

	/**
	 * Hands the conversation back to automation, ending a takeover or withdrawing a
	 * request. The assignment stays as it is.
	 * @param operatorId the operator who releases it, or {@code null} when the calling
	 * key acts
	 */
	@Transactional
	public Handoff release(WorkspaceId workspace, Actor actor, ConversationId id, UUID operatorId) {
		Conversation conversation = this.conversations.lock(workspace, id);
		if (operatorId != null) {
			this.operators.require(workspace, operatorId);
		}
		Handoff handoff = this.handoffs.active(workspace, id)
			.orElseThrow(() -> new IllegalHandoffTransition("Automation already handles this conversation."))
			.released(Timestamps.now(this.clock));
		this.handoffs.update(workspace, handoff);
		record(workspace, EventType.AGENT_HANDOFF_RELEASED, (operatorId != null) ? Actor.operator(operatorId) : actor,
				conversation, handoff);
		return handoff;
	}

	@Transactional(readOnly = true)
	public Handling handling(WorkspaceId workspace, ConversationId id) {
		this.conversations.requireExists(workspace, id);
		Handoff active = this.handoffs.active(workspace, id).orElse(null);
		return new Handling(id, HandlingState.of(active), active);
	}

	@Transactional(readOnly = true)
	public Page<Handoff> history(WorkspaceId workspace, ConversationId id, UUID startingAfter, int limit) {
		this.conversations.requireExists(workspace, id);
		if (startingAfter != null && !this.handoffs.exists(workspace, startingAfter, id)) {
			throw new UnknownHandoffCursor();
		}
		return Page.fromOverfetch(this.handoffs.ofConversation(workspace, id, startingAfter, limit + 1), limit);
	}

	/**
	 * The workspace's handoffs in a state, oldest request first: with {@code requested},
	 * the queue of conversations waiting for a person. The cursor may have changed state
	 * since its page was read; the next page still starts right after it.
	 */
	@Transactional(readOnly = true)
	public Page<Handoff> inState(WorkspaceId workspace, String state, UUID startingAfter, int limit) {
		if (startingAfter != null && !this.handoffs.exists(workspace, startingAfter, null)) {
			throw new UnknownHandoffCursor();
		}
		return Page.fromOverfetch(this.handoffs.inState(workspace, state, startingAfter, limit + 1), limit);
	}

	private void record(WorkspaceId workspace, EventType type, Actor actor, Conversation conversation,
			Handoff handoff) {
		Map<String, Object> data = ConversationPayload.of(conversation);
		data.put("handoff", handoff.payload());
		this.events.record(workspace, type, actor, conversation.id().value(), data);
	}

}

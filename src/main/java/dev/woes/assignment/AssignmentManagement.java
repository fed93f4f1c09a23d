package dev.woes.assignment;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.woes.conversation.Conversation;
import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationPayload;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.operator.OperatorDirectory;
import dev.woes.operator.Team;
import dev.woes.operator.TeamManagement;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes who owns a conversation. Every change locks the conversation first,
 * so concurrent changes apply one after the other and each records one
 * {@code conversation.assignment.updated} event.
 */
@Service
public class AssignmentManagement {

	private final Assignments assignments;

	private final ConversationManagement conversations;

	private final OperatorDirectory operators;

	private final TeamManagement teams;

	private final EventLog events;

	private final Clock clock;

	AssignmentManagement(Assignments assignments, ConversationManagement conversations, OperatorDirectory operators,
			TeamManagement teams, EventLog events, Clock clock) {
		this.assignments = assignments;
		this.conversations = conversations;
		this.operators = operators;
		this.teams = teams;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Assignment get(WorkspaceId workspace, ConversationId conversation) {
		this.conversations.requireExists(workspace, conversation);
		return current(workspace, conversation);
	}

	/**
	 * Makes an operator, a team or both (at least one) the conversation's owners.
	 * @throws NotAMemberOfTheTeam when both are given and the operator is not a member
	 */
	@Transactional
	public Assignment assign(WorkspaceId workspace, Actor actor, ConversationId id, UUID operatorId, UUID teamId) {
		Conversation conversation = this.conversations.lock(workspace, id);
		if (operatorId != null) {
			this.operators.require(workspace, operatorId);
		}
		if (teamId != null) {
			Team team = this.teams.require(workspace, teamId);
			if (operatorId != null && !team.hasMember(operatorId)) {
				throw new NotAMemberOfTheTeam();
			}
		}
		return change(workspace, actor, conversation, operatorId, teamId);
	}

	@Transactional
	public void unassign(WorkspaceId workspace, Actor actor, ConversationId id) {
		Conversation conversation = this.conversations.lock(workspace, id);
		Assignment previous = current(workspace, id);
		if (this.assignments.remove(workspace, id)) {
			record(workspace, actor, conversation, Assignment.none(id), previous);
		}
	}

	/**
	 * Assigns the operator when the conversation has no operator yet, keeping its team if
	 * the operator belongs to it and dropping it otherwise. The caller holds the
	 * conversation's lock (see {@link ConversationManagement#lock}).
	 * @return whether the assignment changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean assignIfNobodyIs(WorkspaceId workspace, Actor actor, Conversation conversation, UUID operatorId) {
		Assignment previous = current(workspace, conversation.id());
		if (previous.operatorId() != null) {
			return false;
		}
		UUID team = (previous.teamId() != null
				&& this.teams.require(workspace, previous.teamId()).hasMember(operatorId)) ? previous.teamId() : null;
		change(workspace, actor, conversation, operatorId, team);
		return true;
	}

	private Assignment change(WorkspaceId workspace, Actor actor, Conversation conversation, UUID operatorId,
			UUID teamId) {
		Assignment previous = current(workspace, conversation.id());
		if (previous.sameOwners(operatorId, teamId)) {
			return previous;
		}
		Assignment assignment = new Assignment(conversation.id(), operatorId, teamId, Timestamps.now(this.clock));
		this.assignments.save(workspace, assignment);
		record(workspace, actor, conversation, assignment, previous);
		return assignment;
	}

	private void record(WorkspaceId workspace, Actor actor, Conversation conversation, Assignment assignment,
			Assignment previous) {
		Map<String, Object> data = ConversationPayload.of(conversation);
		data.put("assignment", assignment.payload());
		data.put("previousAssignment", previous.payload());
		this.events.record(workspace, EventType.CONVERSATION_ASSIGNMENT_UPDATED, actor, conversation.id().value(),
				data);
	}

	private Assignment current(WorkspaceId workspace, ConversationId conversation) {
		return this.assignments.find(workspace, conversation).orElseGet(() -> Assignment.none(conversation));
	}

}

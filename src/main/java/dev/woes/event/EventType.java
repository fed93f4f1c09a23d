package dev.woes.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of event, in one place. The wire name is what the change feed, webhooks and
 * the stream carry in {@code type}; the contract's webhook types keep their names.
 */
public enum EventType {

	// Conversations and their thread (the contract's webhook types first)
	CONVERSATION_CREATED("conversation.created"), CONVERSATION_MESSAGE_CREATED("conversation.message.created"),
	CONVERSATION_STATUS_UPDATED("conversation.status.updated"), CONVERSATION_UPDATED("conversation.updated"),
	CONVERSATION_SNOOZED("conversation.snoozed"), CONVERSATION_LABEL_UPDATED("conversation.label.updated"),
	CONVERSATION_ASSIGNMENT_UPDATED("conversation.assignment.updated"),
	CONVERSATION_TAGS_UPDATED("conversation.tags.updated"),
	CONVERSATION_CUSTOM_FIELDS_UPDATED("conversation.custom_fields.updated"),
	CONVERSATION_NOTE_CREATED("conversation.note.created"), CONVERSATION_NOTE_UPDATED("conversation.note.updated"),
	CONVERSATION_NOTE_DELETED("conversation.note.deleted"),
	CONVERSATION_PARTICIPANT_ADDED("conversation.participant.added"),
	CONVERSATION_PARTICIPANT_REMOVED("conversation.participant.removed"),
	CONVERSATION_ISSUE_LINKED("conversation.issue.linked"), CONVERSATION_ISSUE_UNLINKED("conversation.issue.unlinked"),

	// Handoff between automation and people
	AGENT_HANDOFF_CREATED("agent.handoff.created"), AGENT_HANDOFF_TAKEN_OVER("agent.handoff.taken_over"),
	AGENT_HANDOFF_RELEASED("agent.handoff.released"),

	// Issues
	ISSUE_CREATED("issue.created"), ISSUE_UPDATED("issue.updated"), ISSUE_NOTE_CREATED("issue.note.created"),
	ISSUE_NOTE_UPDATED("issue.note.updated"), ISSUE_NOTE_DELETED("issue.note.deleted"),
	ISSUE_EXTERNAL_LINK_ADDED("issue.external_link.added"), ISSUE_EXTERNAL_LINK_UPDATED("issue.external_link.updated"),
	ISSUE_EXTERNAL_LINK_REMOVED("issue.external_link.removed"),

	// People and definitions
	OPERATOR_CREATED("operator.created"), OPERATOR_UPDATED("operator.updated"), OPERATOR_DELETED("operator.deleted"),
	TEAM_CREATED("team.created"), TEAM_UPDATED("team.updated"), TEAM_DELETED("team.deleted"),
	DEFINITION_CREATED("definition.created"), DEFINITION_UPDATED("definition.updated"),
	DEFINITION_DELETED("definition.deleted"),

	// Contract types whose features do not exist yet, and the webhook test
	CLIENT_CREATED("client.created"), SURVEY_RESPONSE_CREATED("survey.response.created"), WEBHOOK_TEST("webhook.test");

	private final String wireName;

	EventType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return this.wireName;
	}

	public static Optional<EventType> fromWireName(String name) {
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(name)).findFirst();
	}

	@Override
	public String toString() {
		return this.wireName;
	}

}

package dev.woes.triage;

import java.time.Instant;

import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationStatus;
import dev.woes.definition.StatusDefinition;

/**
 * Where a conversation stands: its lifecycle status, the label it shows for it and, when
 * snoozed, when it wakes.
 */
public record ConversationLabel(ConversationId conversationId, ConversationStatus status, StatusDefinition label,
		Instant snoozedUntil) {

}

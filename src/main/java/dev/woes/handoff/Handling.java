package dev.woes.handoff;

import dev.woes.conversation.ConversationId;

/**
 * A conversation's handling state and the handoff that is not released yet, if any.
 */
public record Handling(ConversationId conversationId, HandlingState state, Handoff active) {

}

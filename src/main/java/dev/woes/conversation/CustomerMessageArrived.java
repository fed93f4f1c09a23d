package dev.woes.conversation;

import dev.woes.event.Actor;
import dev.woes.workspace.WorkspaceId;

/**
 * A customer's message was recorded on a conversation. Published inside the message's
 * transaction, after the conversation row was locked and changed.
 */
public record CustomerMessageArrived(WorkspaceId workspace, Actor actor, ConversationId conversationId) {

}

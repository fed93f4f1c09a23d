package dev.woes.conversation;

import dev.woes.event.Actor;
import dev.woes.workspace.WorkspaceId;

/**
 * A customer's message was recorded on a conversation. Published inside the message's
 * transaction, after the conversation row was locked and changed.
 *
 * @param previousStatus the conversation's status before the message (a message on a
 * solved conversation reopens it)
 */
public record CustomerMessageArrived(WorkspaceId workspace, Actor actor, ConversationId conversationId,
		ConversationStatus previousStatus) {

}

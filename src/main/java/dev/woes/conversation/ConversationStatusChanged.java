package dev.woes.conversation;

import dev.woes.event.Actor;
import dev.woes.workspace.WorkspaceId;

/**
 * A conversation moved between open, waiting and solved, by whatever route. Published
 * inside the transaction that made the change, so listeners that keep their own state in
 * step (a status label, a pending snooze) commit or roll back with it.
 */
public record ConversationStatusChanged(WorkspaceId workspace, Actor actor, ConversationId conversationId,
		ConversationStatus previousStatus, ConversationStatus status) {

}

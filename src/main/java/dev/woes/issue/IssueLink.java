package dev.woes.issue;

import java.time.Instant;

import dev.woes.conversation.ConversationId;

/**
 * A conversation linked to an issue, and since when.
 */
public record IssueLink(IssueId issueId, ConversationId conversationId, Instant linkedAt) {

}

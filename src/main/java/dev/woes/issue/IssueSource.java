package dev.woes.issue;

import dev.woes.conversation.ConversationId;

/**
 * Where an issue was raised: a channel name (1-80 characters) and, when it came from a
 * conversation, that conversation. Both may be null.
 */
public record IssueSource(String channel, ConversationId conversationId) {

}

package dev.woes.conversation;

/**
 * Which conversations to list, most recent activity first: optional filters ({@code tag}
 * matches a tag name regardless of case), an optional cursor (list only those after this
 * conversation) and a page size.
 */
public record ConversationQuery(ConversationStatus status, Channel channel, String customerId, String tag,
		ConversationId startingAfter, int limit) {

}

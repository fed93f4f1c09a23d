package dev.woes.conversation;

/**
 * Which conversations to list, most recent activity first: optional filters, an optional
 * cursor (list only those after this conversation) and a page size.
 */
public record ConversationQuery(ConversationStatus status, Channel channel, String customerId,
		ConversationId startingAfter, int limit) {

}

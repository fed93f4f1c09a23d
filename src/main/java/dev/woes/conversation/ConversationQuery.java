package dev.woes.conversation;

import java.util.UUID;

/**
 * Which conversations to list, most recent activity first: optional filters, an optional
 * cursor (list only those after this conversation) and a page size.
 *
 * @param tag only conversations carrying the tag of this name (regardless of case)
 * @param assigneeId only conversations assigned to this operator
 * @param teamId only conversations assigned to this team
 * @param assigned {@code true}: only conversations with an operator or a team;
 * {@code false}: only those with neither; {@code null}: either
 */
public record ConversationQuery(ConversationStatus status, Channel channel, String customerId, String tag,
		UUID assigneeId, UUID teamId, Boolean assigned, ConversationId startingAfter, int limit) {

}

package dev.woes.issue;

import dev.woes.conversation.ConversationId;

/**
 * Which issues to list, most recent activity first: optional filters (the customer's
 * email compared without case), an optional cursor and a page size.
 */
public record IssueQuery(IssueStatusCategory statusCategory, String priority, String customerEmail,
		ConversationId sourceConversationId, IssueId startingAfter, int limit) {

}

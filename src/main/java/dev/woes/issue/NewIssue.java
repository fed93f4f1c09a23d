package dev.woes.issue;

import java.util.List;

import dev.woes.conversation.ConversationId;

/**
 * What a caller supplies to create an issue. Null members take their defaults: priority
 * {@code medium}, status category {@code new}, no tags, description {@code ""}; with a
 * source conversation, its customer and channel, otherwise an unknown customer and the
 * {@code api} channel.
 */
public record NewIssue(String subject, String description, String priority, IssueStatusCategory statusCategory,
		List<String> tags, IssueCustomer customer, ConversationId sourceConversationId, String sourceChannel) {

}

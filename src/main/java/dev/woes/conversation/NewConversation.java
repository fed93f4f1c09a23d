package dev.woes.conversation;

/**
 * What a caller supplies to open a conversation.
 */
public record NewConversation(String externalId, Channel channel, String priority, String subject, Customer customer) {

}

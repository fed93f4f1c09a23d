package dev.woes.conversation;

/**
 * What a caller wants changed on a conversation; a null member leaves that field as it
 * is.
 */
public record ConversationChanges(ConversationStatus status, String priority, String subject) {

}

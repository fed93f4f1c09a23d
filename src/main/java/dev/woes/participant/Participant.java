package dev.woes.participant;

import java.time.Instant;

/**
 * Someone taking part in a conversation.
 *
 * @param type {@code customer}, {@code operator} or {@code automation}
 * @param id the customer's or operator's id; {@code null} for an unnamed automation
 * @param follower whether an operator was added by hand to follow the conversation
 * @param joinedAt when they joined: the conversation's creation for the customer, the
 * first message or the follow for the others, whichever came first
 * @param lastActiveAt their latest message, {@code null} when they have not written
 */
public record Participant(String type, String id, boolean follower, Instant joinedAt, Instant lastActiveAt) {

}

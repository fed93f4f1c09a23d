package dev.woes.conversation;

import java.time.Instant;

/**
 * Where a newly recorded message sits in its conversation: its position (1 for the first
 * message, assigned under the conversation's row lock, so it follows commit order) and
 * its time.
 */
public record MessageSlot(long position, Instant at) {

}

package dev.woes.message;

import java.time.Instant;

/**
 * When an author wrote in a conversation: their first and their latest message.
 */
public record AuthorActivity(MessageAuthor author, Instant firstAt, Instant lastAt) {

}

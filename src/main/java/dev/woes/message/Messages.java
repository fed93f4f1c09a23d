package dev.woes.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * The messages of every workspace; each method sees one workspace only.
 */
public interface Messages {

	/**
	 * Adds a message to the current transaction; its row is written with the commit, so
	 * nothing in the same transaction reads it back.
	 */
	void add(WorkspaceId workspace, Message message);

	/**
	 * Up to {@code rows} messages of a conversation, oldest first, after a position (0
	 * for the start).
	 */
	List<Message> list(WorkspaceId workspace, ConversationId conversation, long afterPosition, int rows);

	/**
	 * Everyone who wrote in a conversation, with their first and latest message, in the
	 * order they first wrote.
	 */
	List<AuthorActivity> authors(WorkspaceId workspace, ConversationId conversation);

	OptionalLong positionOf(WorkspaceId workspace, ConversationId conversation, MessageId message);

	Optional<Message> find(WorkspaceId workspace, ConversationId conversation, MessageId message);

	/**
	 * Up to {@code rows} messages of a conversation whose {@code (createdAt, position)}
	 * sorts after {@code (at, position)}, in that order.
	 */
	List<Message> afterTime(WorkspaceId workspace, ConversationId conversation, Instant at, long position, int rows);

}

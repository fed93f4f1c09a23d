package dev.woes.participant;

import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * Where the operators following each conversation are kept.
 */
public interface Followers {

	/**
	 * Adds a follower unless they already follow; answers whether they were added.
	 */
	boolean add(WorkspaceId workspace, ConversationId conversation, Follower follower);

	/**
	 * Answers whether there was such a follower to remove.
	 */
	boolean remove(WorkspaceId workspace, ConversationId conversation, UUID operatorId);

	/**
	 * The conversation's followers, in the order they were added.
	 */
	List<Follower> of(WorkspaceId workspace, ConversationId conversation);

}

package dev.woes.triage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.definition.TagDefinition;
import dev.woes.workspace.WorkspaceId;

/**
 * Which tags each conversation carries.
 */
public interface TagLinks {

	/**
	 * The conversation's tags by name, regardless of case.
	 */
	List<TagDefinition> list(WorkspaceId workspace, ConversationId conversation);

	void add(WorkspaceId workspace, ConversationId conversation, UUID tagId, Instant now);

	void remove(WorkspaceId workspace, ConversationId conversation, UUID tagId);

}

package dev.woes.issue;

import java.util.List;
import java.util.Optional;

import dev.woes.conversation.ConversationId;
import dev.woes.workspace.WorkspaceId;

/**
 * Which conversations are linked to which issues. Callers hold the issue's row lock
 * ({@link Issues#findForUpdate}) while they change an issue's links.
 */
public interface IssueLinks {

	/**
	 * Stores the link unless the conversation is already linked to the issue.
	 * @return true when the link is new
	 */
	boolean add(WorkspaceId workspace, IssueLink link);

	Optional<IssueLink> find(WorkspaceId workspace, IssueId issue, ConversationId conversation);

	/**
	 * @return the removed link, or empty when there was none
	 */
	Optional<IssueLink> remove(WorkspaceId workspace, IssueId issue, ConversationId conversation);

	/**
	 * Up to {@code rows} links of an issue, oldest first, after the link of the
	 * {@code after} conversation (null: from the start).
	 */
	List<IssueLink> ofIssue(WorkspaceId workspace, IssueId issue, ConversationId after, int rows);

	/**
	 * Up to {@code rows} links of a conversation, oldest first, after the link of the
	 * {@code after} issue (null: from the start).
	 */
	List<IssueLink> ofConversation(WorkspaceId workspace, ConversationId conversation, IssueId after, int rows);

}

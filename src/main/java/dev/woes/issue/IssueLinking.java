package dev.woes.issue;

import java.time.Clock;
import java.time.Instant;

import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links conversations to issues and unlinks them. Every change first locks the issue's
 * row, so the links of one issue change one at a time: linking twice stores one link, and
 * a link and an unlink racing each other end in the state of whichever ran last.
 */
@Service
public class IssueLinking {

	private final Issues issues;

	private final IssueLinks links;

	private final ConversationManagement conversations;

	private final EventLog events;

	private final Clock clock;

	IssueLinking(Issues issues, IssueLinks links, ConversationManagement conversations, EventLog events, Clock clock) {
		this.issues = issues;
		this.links = links;
		this.conversations = conversations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Links the conversation to the issue. Linking a conversation that is already linked
	 * changes nothing and answers the existing link.
	 */
	@Transactional
	public LinkOutcome link(WorkspaceId workspace, Actor actor, IssueId issueId, ConversationId conversation) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		this.conversations.requireExists(workspace, conversation);
		Instant now = Timestamps.now(this.clock);
		IssueLink link = new IssueLink(issueId, conversation, now);
		if (!this.links.add(workspace, link)) {
			return new LinkOutcome(this.links.find(workspace, issueId, conversation).orElseThrow(), false);
		}
		issue.recordActivity(now);
		this.issues.update(workspace, issue);
		this.events.record(workspace, EventType.CONVERSATION_ISSUE_LINKED, actor, conversation.value(),
				IssuePayload.of(link));
		return new LinkOutcome(link, true);
	}

	/**
	 * Removes the link between the conversation and the issue.
	 * @throws ConversationNotLinked when they are not linked
	 */
	@Transactional
	public void unlink(WorkspaceId workspace, Actor actor, IssueId issueId, ConversationId conversation) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		this.conversations.requireExists(workspace, conversation);
		IssueLink removed = this.links.remove(workspace, issueId, conversation).orElseThrow(ConversationNotLinked::new);
		issue.recordActivity(Timestamps.now(this.clock));
		this.issues.update(workspace, issue);
		this.events.record(workspace, EventType.CONVERSATION_ISSUE_UNLINKED, actor, conversation.value(),
				IssuePayload.of(removed));
	}

	/**
	 * The conversations linked to an issue, oldest link first.
	 */
	@Transactional(readOnly = true)
	public Page<IssueLink> conversationsOf(WorkspaceId workspace, IssueId issue, ConversationId startingAfter,
			int limit) {
		if (!this.issues.exists(workspace, issue)) {
			throw new IssueNotFound();
		}
		if (startingAfter != null && this.links.find(workspace, issue, startingAfter).isEmpty()) {
			throw new UnknownListCursor("a conversation linked to this issue");
		}
		return Page.fromOverfetch(this.links.ofIssue(workspace, issue, startingAfter, limit + 1), limit);
	}

	/**
	 * The issues a conversation is linked to, oldest link first.
	 */
	@Transactional(readOnly = true)
	public Page<IssueLink> issuesOf(WorkspaceId workspace, ConversationId conversation, IssueId startingAfter,
			int limit) {
		this.conversations.requireExists(workspace, conversation);
		if (startingAfter != null && this.links.find(workspace, startingAfter, conversation).isEmpty()) {
			throw new UnknownListCursor("an issue linked to this conversation");
		}
		return Page.fromOverfetch(this.links.ofConversation(workspace, conversation, startingAfter, limit + 1), limit);
	}

	/**
	 * Checks that the conversation exists, for routes that name it before the issue.
	 */
	public void requireConversation(WorkspaceId workspace, ConversationId conversation) {
		this.conversations.requireExists(workspace, conversation);
	}

	/**
	 * A link and whether this call created it.
	 */
	public record LinkOutcome(IssueLink link, boolean created) {

	}

}

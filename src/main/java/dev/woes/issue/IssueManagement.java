package dev.woes.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.woes.conversation.Conversation;
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
 * Raises, reads, changes and lists issues. The rules live on {@link Issue}; this service
 * loads, applies, stores and records the event.
 */
@Service
public class IssueManagement {

	static final String DEFAULT_CHANNEL = "api";

	static final String DEFAULT_PRIORITY = "medium";

	private final Issues issues;

	private final IssueLinks links;

	private final IssueNotes notes;

	private final ConversationManagement conversations;

	private final ConversationNotesSource conversationNotes;

	private final EventLog events;

	private final Clock clock;

	IssueManagement(Issues issues, IssueLinks links, IssueNotes notes, ConversationManagement conversations,
			ConversationNotesSource conversationNotes, EventLog events, Clock clock) {
		this.issues = issues;
		this.links = links;
		this.notes = notes;
		this.conversations = conversations;
		this.conversationNotes = conversationNotes;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Raises an issue. From a source conversation, the issue takes the conversation's
	 * customer and channel unless the request names them, is linked to the conversation,
	 * and receives copies of the conversation's private notes.
	 */
	@Transactional
	public Issue raise(WorkspaceId workspace, Actor actor, NewIssue request) {
		Conversation conversation = (request.sourceConversationId() != null)
				? this.conversations.get(workspace, request.sourceConversationId()) : null;
		IssueCustomer customer = request.customer();
		if (customer == null) {
			customer = (conversation != null) ? new IssueCustomer(conversation.customer().name(),
					conversation.customer().email(), conversation.customer().company()) : IssueCustomer.UNKNOWN;
		}
		String channel = request.sourceChannel();
		if (channel == null) {
			channel = (conversation != null) ? conversation.channel().wireName() : DEFAULT_CHANNEL;
		}
		Instant now = Timestamps.now(this.clock);
		Issue issue = Issue.raise(request.subject(), orElse(request.description(), ""),
				orElse(request.statusCategory(), IssueStatusCategory.NEW), orElse(request.priority(), DEFAULT_PRIORITY),
				orElse(request.tags(), List.of()), customer, new IssueSource(channel, request.sourceConversationId()),
				now);
		this.issues.add(workspace, issue);
		this.events.record(workspace, EventType.ISSUE_CREATED, actor, issue.id().value(), IssuePayload.of(issue));
		if (conversation != null) {
			IssueLink link = new IssueLink(issue.id(), conversation.id(), now);
			this.links.add(workspace, link);
			this.events.record(workspace, EventType.CONVERSATION_ISSUE_LINKED, actor, conversation.id().value(),
					IssuePayload.of(link));
			for (ConversationNotesSource.Note original : this.conversationNotes.notesOf(workspace, conversation.id())) {
				IssueNote copy = IssueNote.copyOf(issue.id(), conversation.id(), original);
				this.notes.add(workspace, copy);
				this.events.record(workspace, EventType.ISSUE_NOTE_CREATED, actor, issue.id().value(),
						IssuePayload.of(copy));
			}
		}
		return issue;
	}

	public Issue get(WorkspaceId workspace, IssueId id) {
		return this.issues.find(workspace, id).orElseThrow(IssueNotFound::new);
	}

	/**
	 * Applies the changes; {@code issue.updated} is recorded only when something changed.
	 */
	@Transactional
	public Issue change(WorkspaceId workspace, Actor actor, IssueId id, IssueChanges changes) {
		Issue issue = this.issues.findForUpdate(workspace, id).orElseThrow(IssueNotFound::new);
		Instant now = Timestamps.now(this.clock);
		boolean changed = false;
		if (changes.subject() != null) {
			changed |= issue.retitle(changes.subject(), now);
		}
		if (changes.description() != null) {
			changed |= issue.describe(changes.description(), now);
		}
		if (changes.priority() != null) {
			changed |= issue.prioritize(changes.priority(), now);
		}
		if (changes.statusCategory() != null) {
			changed |= issue.moveTo(changes.statusCategory(), now);
		}
		if (changes.tags() != null) {
			changed |= issue.retag(changes.tags(), now);
		}
		if (changes.customer() != null) {
			changed |= issue.changeCustomer(changes.customer(), now);
		}
		if (changed) {
			this.issues.update(workspace, issue);
			this.events.record(workspace, EventType.ISSUE_UPDATED, actor, id.value(), IssuePayload.of(issue));
		}
		return issue;
	}

	@Transactional(readOnly = true)
	public Page<Issue> list(WorkspaceId workspace, IssueQuery query) {
		if (query.startingAfter() != null && !this.issues.exists(workspace, query.startingAfter())) {
			throw new UnknownIssueCursor();
		}
		return Page.fromOverfetch(this.issues.list(workspace, query, query.limit() + 1), query.limit());
	}

	private static <T> T orElse(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}

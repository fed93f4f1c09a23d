package dev.woes.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.operator.OperatorDirectory;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's private notes on issues: written, rewritten, erased and read by operators'
 * tools only; no customer-facing route reads them.
 */
@Service
public class IssueNoteBook {

	private final Issues issues;

	private final IssueNotes notes;

	private final OperatorDirectory operators;

	private final EventLog events;

	private final Clock clock;

	IssueNoteBook(Issues issues, IssueNotes notes, OperatorDirectory operators, EventLog events, Clock clock) {
		this.issues = issues;
		this.notes = notes;
		this.operators = operators;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Writes a note on the issue.
	 * @param authorId an operator of the workspace, or null
	 */
	@Transactional
	public IssueNote write(WorkspaceId workspace, Actor actor, IssueId issueId, UUID authorId, String body) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		if (authorId != null) {
			this.operators.require(workspace, authorId);
		}
		Instant now = Timestamps.now(this.clock);
		IssueNote note = IssueNote.write(issueId, authorId, body, now);
		this.notes.add(workspace, note);
		touch(workspace, issue, now);
		this.events.record(workspace, EventType.ISSUE_NOTE_CREATED, actor, issueId.value(), IssuePayload.of(note));
		return note;
	}

	@Transactional
	public IssueNote rewrite(WorkspaceId workspace, Actor actor, IssueId issueId, IssueNoteId id, String body) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		IssueNote note = this.notes.find(workspace, issueId, id).orElseThrow(IssueNoteNotFound::new);
		Instant now = Timestamps.now(this.clock);
		IssueNote rewritten = note.rewrite(body, now);
		if (rewritten != note) {
			this.notes.update(workspace, rewritten);
			touch(workspace, issue, now);
			this.events.record(workspace, EventType.ISSUE_NOTE_UPDATED, actor, issueId.value(),
					IssuePayload.of(rewritten));
		}
		return rewritten;
	}

	@Transactional
	public void erase(WorkspaceId workspace, Actor actor, IssueId issueId, IssueNoteId id) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		IssueNote note = this.notes.find(workspace, issueId, id).orElseThrow(IssueNoteNotFound::new);
		this.notes.remove(workspace, note);
		touch(workspace, issue, Timestamps.now(this.clock));
		this.events.record(workspace, EventType.ISSUE_NOTE_DELETED, actor, issueId.value(), IssuePayload.of(note));
	}

	@Transactional(readOnly = true)
	public IssueNote get(WorkspaceId workspace, IssueId issueId, IssueNoteId id) {
		if (!this.issues.exists(workspace, issueId)) {
			throw new IssueNotFound();
		}
		return this.notes.find(workspace, issueId, id).orElseThrow(IssueNoteNotFound::new);
	}

	/**
	 * The issue's notes, oldest first (a copied note keeps its original time).
	 */
	@Transactional(readOnly = true)
	public Page<IssueNote> list(WorkspaceId workspace, IssueId issueId, IssueNoteId startingAfter, int limit) {
		if (!this.issues.exists(workspace, issueId)) {
			throw new IssueNotFound();
		}
		if (startingAfter != null && this.notes.find(workspace, issueId, startingAfter).isEmpty()) {
			throw new UnknownListCursor("a note of this issue");
		}
		return Page.fromOverfetch(this.notes.list(workspace, issueId, startingAfter, limit + 1), limit);
	}

	private void touch(WorkspaceId workspace, Issue issue, Instant now) {
		issue.recordActivity(now);
		this.issues.update(workspace, issue);
	}

}

package dev.woes.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.woes.event.Actor;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records where issues are tracked outside Woes. Changes lock the issue's row, so the
 * per-issue cap of {@value ExternalLink#MAX_PER_ISSUE} links holds under concurrency.
 */
@Service
public class ExternalTracking {

	private final Issues issues;

	private final ExternalLinks links;

	private final EventLog events;

	private final Clock clock;

	ExternalTracking(Issues issues, ExternalLinks links, EventLog events, Clock clock) {
		this.issues = issues;
		this.links = links;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ExternalLink add(WorkspaceId workspace, Actor actor, IssueId issueId, String provider, String key,
			String url, String status) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		if (this.links.ofIssue(workspace, issueId).size() >= ExternalLink.MAX_PER_ISSUE) {
			throw new TooManyExternalLinks();
		}
		Instant now = Timestamps.now(this.clock);
		ExternalLink link = ExternalLink.add(issueId, provider, key, url, status, now);
		this.links.add(workspace, link);
		touch(workspace, issue, now);
		this.events.record(workspace, EventType.ISSUE_EXTERNAL_LINK_ADDED, actor, issueId.value(),
				IssuePayload.of(link));
		return link;
	}

	@Transactional
	public ExternalLink change(WorkspaceId workspace, Actor actor, IssueId issueId, ExternalLinkId id,
			ExternalLinkChanges changes) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		ExternalLink link = this.links.find(workspace, issueId, id).orElseThrow(ExternalLinkNotFound::new);
		Instant now = Timestamps.now(this.clock);
		ExternalLink changed = link.change(changes, now);
		if (changed != link) {
			this.links.update(workspace, changed);
			touch(workspace, issue, now);
			this.events.record(workspace, EventType.ISSUE_EXTERNAL_LINK_UPDATED, actor, issueId.value(),
					IssuePayload.of(changed));
		}
		return changed;
	}

	@Transactional
	public void remove(WorkspaceId workspace, Actor actor, IssueId issueId, ExternalLinkId id) {
		Issue issue = this.issues.findForUpdate(workspace, issueId).orElseThrow(IssueNotFound::new);
		ExternalLink link = this.links.find(workspace, issueId, id).orElseThrow(ExternalLinkNotFound::new);
		this.links.remove(workspace, link);
		touch(workspace, issue, Timestamps.now(this.clock));
		this.events.record(workspace, EventType.ISSUE_EXTERNAL_LINK_REMOVED, actor, issueId.value(),
				IssuePayload.of(link));
	}

	@Transactional(readOnly = true)
	public ExternalLink get(WorkspaceId workspace, IssueId issueId, ExternalLinkId id) {
		if (!this.issues.exists(workspace, issueId)) {
			throw new IssueNotFound();
		}
		return this.links.find(workspace, issueId, id).orElseThrow(ExternalLinkNotFound::new);
	}

	@Transactional(readOnly = true)
	public List<ExternalLink> list(WorkspaceId workspace, IssueId issueId) {
		if (!this.issues.exists(workspace, issueId)) {
			throw new IssueNotFound();
		}
		return this.links.ofIssue(workspace, issueId);
	}

	private void touch(WorkspaceId workspace, Issue issue, Instant now) {
		issue.recordActivity(now);
		this.issues.update(workspace, issue);
	}

}

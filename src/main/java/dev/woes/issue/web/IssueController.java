package dev.woes.issue.web;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.event.Actor;
import dev.woes.issue.Issue;
import dev.woes.issue.IssueId;
import dev.woes.issue.IssueManagement;
import dev.woes.issue.IssueQuery;
import dev.woes.issue.IssueStatusCategory;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Texts;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Issues")
@RestController
@RequestMapping("/api/v1/issues")
class IssueController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final IssueManagement issues;

	IssueController(IssueManagement issues) {
		this.issues = issues;
	}

	@Operation(operationId = "listIssues", summary = "List issues",
			description = "Most recent activity first (lastActivityAt, then id, descending). When hasMore is true, "
					+ "pass the last id as startingAfter for the next page; the Link header carries that URL.")
	@GetMapping
	@RequiresScope(Scope.ISSUES_READ)
	ResponseEntity<IssueListResponse> list(WorkspaceId workspace,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "new, on_you, on_customer, on_hold or closed") @RequestParam(
					name = "statusCategory", required = false) String statusCategory,
			@Parameter(description = "Exact priority label, 1-32 characters") @RequestParam(name = "priority",
					required = false) String priority,
			@Parameter(description = "Customer email, compared without case") @RequestParam(name = "customerEmail",
					required = false) String customerEmail,
			@Parameter(description = "Issues raised from this conversation") @RequestParam(
					name = "sourceConversationId", required = false) String sourceConversationId,
			@Parameter(description = "Id of the last issue of the previous page") @RequestParam(name = "startingAfter",
					required = false) String startingAfter,
			HttpServletRequest request) {
		IssueQuery query = new IssueQuery(
				(statusCategory != null) ? IssueStatusCategory.fromWireName(statusCategory)
					.orElseThrow(() -> new InvalidRequest(
							"statusCategory must be one of " + IssueStatusCategory.WIRE_NAMES + "."))
						: null,
				priority(priority), RequestChecks.email("customerEmail", customerEmail),
				(sourceConversationId != null)
						? new ConversationId(
								RequestChecks.uuid("sourceConversationId", sourceConversationId, "a conversation id"))
						: null,
				(startingAfter != null) ? new IssueId(RequestChecks.uuid("startingAfter", startingAfter, "an issue id"))
						: null,
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		Page<Issue> page = this.issues.list(workspace, query);
		return NextPageLink.ok(request, page, Issue::id)
			.body(new IssueListResponse("list", page.hasMore(), page.items().stream().map(IssueJson::of).toList()));
	}

	@Operation(operationId = "createIssue", summary = "Create issue",
			description = "With sourceConversationId, the issue is linked to that conversation, takes its customer "
					+ "and channel unless given, and receives copies of its private notes.")
	@PostMapping
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<IssueResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreateIssueRequest body) {
		Issue issue = this.issues.raise(workspace, actor, body.toNewIssue());
		return ResponseEntity.status(HttpStatus.CREATED).body(new IssueResponse(IssueJson.of(issue)));
	}

	@Operation(operationId = "getIssue", summary = "Retrieve issue")
	@GetMapping("/{issueId}")
	@RequiresScope(Scope.ISSUES_READ)
	IssueResponse get(WorkspaceId workspace, @PathVariable("issueId") String issueId) {
		return new IssueResponse(IssueJson.of(this.issues.get(workspace, IssueId.parse(issueId))));
	}

	@Operation(operationId = "updateIssue", summary = "Update issue",
			description = "Any of subject, description, priority, statusCategory, tags, customer; tags and customer "
					+ "replace the stored ones. closedAt is set when statusCategory becomes closed and cleared when "
					+ "it leaves closed.")
	@PatchMapping("/{issueId}")
	@RequiresScope(Scope.ISSUES_WRITE)
	IssueResponse update(WorkspaceId workspace, Actor actor, @PathVariable("issueId") String issueId,
			@Valid @RequestBody UpdateIssueRequest body) {
		IssueId id = IssueId.parse(issueId);
		return new IssueResponse(IssueJson.of(this.issues.change(workspace, actor, id, body.toChanges())));
	}

	private static String priority(String priority) {
		if (priority != null) {
			int length = priority.codePointCount(0, priority.length());
			if (length < 1 || length > 32 || !Texts.isStorable(priority)) {
				throw new InvalidRequest("priority must be 1-32 characters.");
			}
		}
		return priority;
	}

}

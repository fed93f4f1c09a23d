package dev.woes.issue.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.event.Actor;
import dev.woes.issue.IssueId;
import dev.woes.issue.IssueLink;
import dev.woes.issue.IssueLinking;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Links between conversations and issues, from both sides. Linking an already linked pair
 * answers 200 with the existing link (201 when the link is new).
 */
@Tag(name = "Issues")
@RestController
class IssueLinkController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final IssueLinking linking;

	IssueLinkController(IssueLinking linking) {
		this.linking = linking;
	}

	@Operation(operationId = "listConversationIssues", summary = "List a conversation's issues",
			description = "The issues the conversation is linked to, oldest link first.")
	@GetMapping("/api/v1/conversations/{conversationId}/issues")
	@RequiresScope(Scope.ISSUES_READ)
	ResponseEntity<IssueLinkListResponse> issuesOf(WorkspaceId workspace,
			@PathVariable("conversationId") String conversationId,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Issue id of the last link of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		ConversationId conversation = ConversationId.parse(conversationId);
		UUID after = RequestChecks.uuid("startingAfter", startingAfter, "an issue id");
		Page<IssueLink> page = this.linking.issuesOf(workspace, conversation,
				(after != null) ? new IssueId(after) : null, ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, IssueLink::issueId).body(listOf(page));
	}

	@Operation(operationId = "linkConversationIssue", summary = "Link a conversation to an issue",
			description = "201 with the new link; 200 with the existing link when they are already linked.")
	@PostMapping("/api/v1/conversations/{conversationId}/issues")
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<IssueLinkResponse> linkIssue(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody LinkIssueRequest body) {
		ConversationId conversation = ConversationId.parse(conversationId);
		this.linking.requireConversation(workspace, conversation);
		return answer(this.linking.link(workspace, actor, new IssueId(UUID.fromString(body.issueId())), conversation));
	}

	@Operation(operationId = "unlinkConversationIssue", summary = "Unlink a conversation from an issue",
			description = "204; 404 when they are not linked.")
	@DeleteMapping("/api/v1/conversations/{conversationId}/issues/{issueId}")
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<Void> unlinkIssue(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @PathVariable("issueId") String issueId) {
		ConversationId conversation = ConversationId.parse(conversationId);
		this.linking.requireConversation(workspace, conversation);
		this.linking.unlink(workspace, actor, IssueId.parse(issueId), conversation);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "listIssueConversations", summary = "List an issue's conversations",
			description = "The conversations linked to the issue, oldest link first.")
	@GetMapping("/api/v1/issues/{issueId}/conversations")
	@RequiresScope(Scope.ISSUES_READ)
	ResponseEntity<IssueLinkListResponse> conversationsOf(WorkspaceId workspace,
			@PathVariable("issueId") String issueId,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Conversation id of the last link of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		IssueId issue = IssueId.parse(issueId);
		UUID after = RequestChecks.uuid("startingAfter", startingAfter, "a conversation id");
		Page<IssueLink> page = this.linking.conversationsOf(workspace, issue,
				(after != null) ? new ConversationId(after) : null,
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, IssueLink::conversationId).body(listOf(page));
	}

	@Operation(operationId = "linkIssueConversation", summary = "Link an issue to a conversation",
			description = "201 with the new link; 200 with the existing link when they are already linked.")
	@PostMapping("/api/v1/issues/{issueId}/conversations")
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<IssueLinkResponse> linkConversation(WorkspaceId workspace, Actor actor,
			@PathVariable("issueId") String issueId, @Valid @RequestBody LinkConversationRequest body) {
		return answer(this.linking.link(workspace, actor, IssueId.parse(issueId),
				new ConversationId(UUID.fromString(body.conversationId()))));
	}

	@Operation(operationId = "unlinkIssueConversation", summary = "Unlink an issue from a conversation",
			description = "204; 404 when they are not linked.")
	@DeleteMapping("/api/v1/issues/{issueId}/conversations/{conversationId}")
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<Void> unlinkConversation(WorkspaceId workspace, Actor actor, @PathVariable("issueId") String issueId,
			@PathVariable("conversationId") String conversationId) {
		this.linking.unlink(workspace, actor, IssueId.parse(issueId), ConversationId.parse(conversationId));
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<IssueLinkResponse> answer(IssueLinking.LinkOutcome outcome) {
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new IssueLinkResponse(IssueLinkJson.of(outcome.link())));
	}

	private static IssueLinkListResponse listOf(Page<IssueLink> page) {
		return new IssueLinkListResponse("list", page.hasMore(), page.items().stream().map(IssueLinkJson::of).toList());
	}

}

package dev.woes.issue.web;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.event.Actor;
import dev.woes.issue.ExternalLink;
import dev.woes.issue.ExternalLinkId;
import dev.woes.issue.ExternalTracking;
import dev.woes.issue.IssueId;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Issues")
@RestController
@RequestMapping("/api/v1/issues/{issueId}/external-links")
class ExternalLinkController {

	private final ExternalTracking tracking;

	ExternalLinkController(ExternalTracking tracking) {
		this.tracking = tracking;
	}

	@Operation(operationId = "listIssueExternalLinks", summary = "List an issue's external links",
			description = "Every external link of the issue (at most 50), oldest first.")
	@GetMapping
	@RequiresScope(Scope.ISSUES_READ)
	ExternalLinkListResponse list(WorkspaceId workspace, @PathVariable("issueId") String issueId) {
		return new ExternalLinkListResponse("list", false,
				this.tracking.list(workspace, IssueId.parse(issueId)).stream().map(ExternalLinkJson::of).toList());
	}

	@Operation(operationId = "createIssueExternalLink", summary = "Add an external link to an issue",
			description = "409 when the issue already links this provider's key (compared without case) or holds "
					+ "50 links.")
	@PostMapping
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<ExternalLinkResponse> create(WorkspaceId workspace, Actor actor,
			@PathVariable("issueId") String issueId, @Valid @RequestBody CreateExternalLinkRequest body) {
		String url = RequestChecks.httpsUrl(body.url());
		ExternalLink link = this.tracking.add(workspace, actor, IssueId.parse(issueId), body.provider(), body.key(),
				url, body.status());
		return ResponseEntity.status(HttpStatus.CREATED).body(new ExternalLinkResponse(ExternalLinkJson.of(link)));
	}

	@Operation(operationId = "getIssueExternalLink", summary = "Retrieve an external link of an issue")
	@GetMapping("/{linkId}")
	@RequiresScope(Scope.ISSUES_READ)
	ExternalLinkResponse get(WorkspaceId workspace, @PathVariable("issueId") String issueId,
			@PathVariable("linkId") String linkId) {
		return new ExternalLinkResponse(ExternalLinkJson
			.of(this.tracking.get(workspace, IssueId.parse(issueId), ExternalLinkId.parse(linkId))));
	}

	@Operation(operationId = "updateIssueExternalLink", summary = "Update an external link of an issue",
			description = "Any of key, url, status (null clears the status).")
	@PatchMapping("/{linkId}")
	@RequiresScope(Scope.ISSUES_WRITE)
	ExternalLinkResponse update(WorkspaceId workspace, Actor actor, @PathVariable("issueId") String issueId,
			@PathVariable("linkId") String linkId, @Valid @RequestBody UpdateExternalLinkRequest body) {
		return new ExternalLinkResponse(ExternalLinkJson.of(this.tracking.change(workspace, actor,
				IssueId.parse(issueId), ExternalLinkId.parse(linkId), body.toChanges())));
	}

	@Operation(operationId = "deleteIssueExternalLink", summary = "Remove an external link from an issue")
	@DeleteMapping("/{linkId}")
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("issueId") String issueId,
			@PathVariable("linkId") String linkId) {
		this.tracking.remove(workspace, actor, IssueId.parse(issueId), ExternalLinkId.parse(linkId));
		return ResponseEntity.noContent().build();
	}

}

package dev.woes.issue.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.event.Actor;
import dev.woes.issue.IssueId;
import dev.woes.issue.IssueNote;
import dev.woes.issue.IssueNoteBook;
import dev.woes.issue.IssueNoteId;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Issues")
@RestController
@RequestMapping("/api/v1/issues/{issueId}/notes")
class IssueNoteController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final IssueNoteBook notes;

	IssueNoteController(IssueNoteBook notes) {
		this.notes = notes;
	}

	@Operation(operationId = "listIssueNotes", summary = "List an issue's notes",
			description = "Oldest first; a note copied from a conversation keeps its original time.")
	@GetMapping
	@RequiresScope(Scope.ISSUES_READ)
	ResponseEntity<IssueNoteListResponse> list(WorkspaceId workspace, @PathVariable("issueId") String issueId,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last note of the previous page") @RequestParam(name = "startingAfter",
					required = false) String startingAfter,
			HttpServletRequest request) {
		IssueId issue = IssueId.parse(issueId);
		UUID after = RequestChecks.uuid("startingAfter", startingAfter, "a note id");
		Page<IssueNote> page = this.notes.list(workspace, issue, (after != null) ? new IssueNoteId(after) : null,
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, IssueNote::id)
			.body(new IssueNoteListResponse("list", page.hasMore(),
					page.items().stream().map(IssueNoteJson::of).toList()));
	}

	@Operation(operationId = "createIssueNote", summary = "Write a note on an issue")
	@PostMapping
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<IssueNoteResponse> create(WorkspaceId workspace, Actor actor,
			@PathVariable("issueId") String issueId, @Valid @RequestBody CreateIssueNoteRequest body) {
		IssueNote note = this.notes.write(workspace, actor, IssueId.parse(issueId),
				(body.authorId() != null) ? UUID.fromString(body.authorId()) : null, body.body());
		return ResponseEntity.status(HttpStatus.CREATED).body(new IssueNoteResponse(IssueNoteJson.of(note)));
	}

	@Operation(operationId = "getIssueNote", summary = "Retrieve a note of an issue")
	@GetMapping("/{noteId}")
	@RequiresScope(Scope.ISSUES_READ)
	IssueNoteResponse get(WorkspaceId workspace, @PathVariable("issueId") String issueId,
			@PathVariable("noteId") String noteId) {
		return new IssueNoteResponse(
				IssueNoteJson.of(this.notes.get(workspace, IssueId.parse(issueId), IssueNoteId.parse(noteId))));
	}

	@Operation(operationId = "updateIssueNote", summary = "Rewrite a note of an issue")
	@PatchMapping("/{noteId}")
	@RequiresScope(Scope.ISSUES_WRITE)
	IssueNoteResponse update(WorkspaceId workspace, Actor actor, @PathVariable("issueId") String issueId,
			@PathVariable("noteId") String noteId, @Valid @RequestBody UpdateIssueNoteRequest body) {
		return new IssueNoteResponse(IssueNoteJson
			.of(this.notes.rewrite(workspace, actor, IssueId.parse(issueId), IssueNoteId.parse(noteId), body.body())));
	}

	@Operation(operationId = "deleteIssueNote", summary = "Delete a note of an issue")
	@DeleteMapping("/{noteId}")
	@RequiresScope(Scope.ISSUES_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("issueId") String issueId,
			@PathVariable("noteId") String noteId) {
		this.notes.erase(workspace, actor, IssueId.parse(issueId), IssueNoteId.parse(noteId));
		return ResponseEntity.noContent().build();
	}

}

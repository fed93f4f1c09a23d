package dev.woes.definition.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationStatus;
import dev.woes.definition.StatusManagement;
import dev.woes.definition.StatusNotFound;
import dev.woes.definition.web.DefinitionResponses.StatusListResponse;
import dev.woes.definition.web.DefinitionResponses.StatusResponse;
import dev.woes.definition.web.StatusRequests.CreateStatusRequest;
import dev.woes.definition.web.StatusRequests.UpdateStatusRequest;
import dev.woes.event.Actor;
import dev.woes.shared.Uuids;
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

@Tag(name = "Definitions")
@RestController
@RequestMapping("/api/v1/statuses")
class StatusController {

	private final StatusManagement statuses;

	StatusController(StatusManagement statuses) {
		this.statuses = statuses;
	}

	@Operation(operationId = "listStatuses", summary = "List statuses",
			description = "Every status label of the workspace, by rank. The enabled status of lowest rank is its "
					+ "lifecycle's default.")
	@GetMapping
	@RequiresScope(Scope.DEFINITIONS_READ)
	StatusListResponse list(WorkspaceId workspace) {
		return new StatusListResponse("list", false,
				this.statuses.list(workspace).stream().map(DefinitionJson.Status::of).toList());
	}

	@Operation(operationId = "createStatus", summary = "Create status")
	@PostMapping
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<StatusResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreateStatusRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new StatusResponse(DefinitionJson.Status.of(this.statuses.create(workspace, actor, body.label(),
					ConversationStatus.fromWireName(body.lifecycle()).orElseThrow(), body.enabled(), body.rank(),
					body.tone(), body.color()))));
	}

	@Operation(operationId = "getStatus", summary = "Retrieve status")
	@GetMapping("/{statusId}")
	@RequiresScope(Scope.DEFINITIONS_READ)
	StatusResponse get(WorkspaceId workspace, @PathVariable("statusId") String statusId) {
		return new StatusResponse(DefinitionJson.Status.of(this.statuses.get(workspace, id(statusId))));
	}

	@Operation(operationId = "updateStatus", summary = "Update status",
			description = "Any of label, enabled, rank, tone, color; the lifecycle is fixed. The last enabled status "
					+ "of a lifecycle cannot be disabled (409).")
	@PatchMapping("/{statusId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	StatusResponse update(WorkspaceId workspace, Actor actor, @PathVariable("statusId") String statusId,
			@Valid @RequestBody UpdateStatusRequest body) {
		return new StatusResponse(
				DefinitionJson.Status.of(this.statuses.update(workspace, actor, id(statusId), body.toChanges())));
	}

	@Operation(operationId = "deleteStatus", summary = "Delete status",
			description = "Conversations showing it fall back to their lifecycle's default. The last enabled status "
					+ "of a lifecycle cannot be deleted (409).")
	@DeleteMapping("/{statusId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("statusId") String statusId) {
		this.statuses.delete(workspace, actor, id(statusId));
		return ResponseEntity.noContent().build();
	}

	private static UUID id(String text) {
		return Uuids.parse(text).orElseThrow(StatusNotFound::new);
	}

}

package dev.woes.definition.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.definition.PriorityManagement;
import dev.woes.definition.PriorityNotFound;
import dev.woes.definition.web.DefinitionResponses.PriorityListResponse;
import dev.woes.definition.web.DefinitionResponses.PriorityResponse;
import dev.woes.definition.web.StatusRequests.CreatePriorityRequest;
import dev.woes.definition.web.StatusRequests.UpdatePriorityRequest;
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
@RequestMapping("/api/v1/priorities")
class PriorityController {

	private final PriorityManagement priorities;

	PriorityController(PriorityManagement priorities) {
		this.priorities = priorities;
	}

	@Operation(operationId = "listPriorities", summary = "List priorities",
			description = "Every priority of the workspace, by rank. A conversation's priority stays a free label; "
					+ "these are the choices a client offers.")
	@GetMapping
	@RequiresScope(Scope.DEFINITIONS_READ)
	PriorityListResponse list(WorkspaceId workspace) {
		return new PriorityListResponse("list", false,
				this.priorities.list(workspace).stream().map(DefinitionJson.Priority::of).toList());
	}

	@Operation(operationId = "createPriority", summary = "Create priority")
	@PostMapping
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<PriorityResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreatePriorityRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new PriorityResponse(DefinitionJson.Priority.of(this.priorities.create(workspace, actor, body.label(),
					body.enabled(), body.highlightInQueue(), body.rank(), body.tone(), body.color()))));
	}

	@Operation(operationId = "getPriority", summary = "Retrieve priority")
	@GetMapping("/{priorityId}")
	@RequiresScope(Scope.DEFINITIONS_READ)
	PriorityResponse get(WorkspaceId workspace, @PathVariable("priorityId") String priorityId) {
		return new PriorityResponse(DefinitionJson.Priority.of(this.priorities.get(workspace, id(priorityId))));
	}

	@Operation(operationId = "updatePriority", summary = "Update priority",
			description = "Any of label, enabled, highlightInQueue, rank, tone, color.")
	@PatchMapping("/{priorityId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	PriorityResponse update(WorkspaceId workspace, Actor actor, @PathVariable("priorityId") String priorityId,
			@Valid @RequestBody UpdatePriorityRequest body) {
		return new PriorityResponse(DefinitionJson.Priority
			.of(this.priorities.update(workspace, actor, id(priorityId), body.toChanges(), body.highlightInQueue())));
	}

	@Operation(operationId = "deletePriority", summary = "Delete priority",
			description = "Conversations keep their priority label as it is.")
	@DeleteMapping("/{priorityId}")
	@RequiresScope(Scope.DEFINITIONS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor, @PathVariable("priorityId") String priorityId) {
		this.priorities.delete(workspace, actor, id(priorityId));
		return ResponseEntity.noContent().build();
	}

	private static UUID id(String text) {
		return Uuids.parse(text).orElseThrow(PriorityNotFound::new);
	}

}

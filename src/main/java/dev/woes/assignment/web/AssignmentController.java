package dev.woes.assignment.web;

import dev.woes.assignment.AssignmentManagement;
import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.event.Actor;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Conversations")
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/assignment")
class AssignmentController {

	private final AssignmentManagement assignments;

	AssignmentController(AssignmentManagement assignments) {
		this.assignments = assignments;
	}

	@Operation(operationId = "getConversationAssignment", summary = "Retrieve assignment",
			description = "operatorId, teamId and assignedAt are null while the conversation is unassigned.")
	@GetMapping
	@RequiresScope(Scope.CONVERSATIONS_READ)
	AssignmentResponse get(WorkspaceId workspace, @PathVariable("conversationId") String conversationId) {
		return new AssignmentResponse(
				AssignmentJson.of(this.assignments.get(workspace, ConversationId.parse(conversationId))));
	}

	@Operation(operationId = "assignConversation", summary = "Assign conversation",
			description = "Sets an operator, a team or both; with both, the operator must be a member of the team "
					+ "(400 otherwise). Ids that name no operator or team of the workspace answer 404.")
	@PutMapping
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	AssignmentResponse assign(WorkspaceId workspace, Actor actor, @PathVariable("conversationId") String conversationId,
			@Valid @RequestBody AssignConversationRequest body) {
		ConversationId id = ConversationId.parse(conversationId);
		return new AssignmentResponse(
				AssignmentJson.of(this.assignments.assign(workspace, actor, id, body.operator(), body.team())));
	}

	@Operation(operationId = "unassignConversation", summary = "Unassign conversation")
	@DeleteMapping
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<Void> unassign(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId) {
		this.assignments.unassign(workspace, actor, ConversationId.parse(conversationId));
		return ResponseEntity.noContent().build();
	}

}

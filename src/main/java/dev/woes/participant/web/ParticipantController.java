package dev.woes.participant.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.event.Actor;
import dev.woes.operator.OperatorNotFound;
import dev.woes.participant.ConversationParticipants;
import dev.woes.participant.Participant;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Conversations")
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/participants")
class ParticipantController {

	private final ConversationParticipants participants;

	ParticipantController(ConversationParticipants participants) {
		this.participants = participants;
	}

	@Operation(operationId = "listConversationParticipants", summary = "List participants",
			description = "The customer first, then the operators and automations who wrote and the operators "
					+ "following, in the order they joined.")
	@GetMapping
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ParticipantListResponse list(WorkspaceId workspace, @PathVariable("conversationId") String conversationId) {
		return new ParticipantListResponse("list", false,
				this.participants.of(workspace, ConversationId.parse(conversationId))
					.stream()
					.map(ParticipantJson::of)
					.toList());
	}

	@Operation(operationId = "addConversationParticipant", summary = "Add a follower",
			description = "201 when the operator starts following; 200 when they already did.")
	@PostMapping
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<ParticipantResponse> add(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody AddParticipantRequest body) {
		ConversationId id = ConversationId.parse(conversationId);
		UUID operator = body.operator();
		boolean added = this.participants.follow(workspace, actor, id, operator);
		Participant participant = this.participants.of(workspace, id)
			.stream()
			.filter((candidate) -> candidate.follower() && operator.toString().equals(candidate.id()))
			.findFirst()
			.orElseThrow(OperatorNotFound::new);
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new ParticipantResponse(ParticipantJson.of(participant)));
	}

	@Operation(operationId = "removeConversationParticipant", summary = "Remove a follower",
			description = "What the operator wrote keeps them among the participants.")
	@DeleteMapping("/{operatorId}")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<Void> remove(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @PathVariable("operatorId") String operatorId) {
		ConversationId id = ConversationId.parse(conversationId);
		this.participants.unfollow(workspace, actor, id, Uuids.parse(operatorId).orElseThrow(OperatorNotFound::new));
		return ResponseEntity.noContent().build();
	}

}

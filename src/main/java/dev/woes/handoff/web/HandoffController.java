package dev.woes.handoff.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.event.Actor;
import dev.woes.handoff.Handoff;
import dev.woes.handoff.HandoffManagement;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Handoffs")
@RestController
class HandoffController {

	private static final int DEFAULT_LIMIT = 20;

	private static final int MAX_LIMIT = 100;

	private final HandoffManagement handoffs;

	HandoffController(HandoffManagement handoffs) {
		this.handoffs = handoffs;
	}

	@Operation(operationId = "createHandoff", summary = "Request a handoff",
			description = "Asks for a person. 409 while a handoff is requested or an operator handles the "
					+ "conversation, and on a solved conversation.")
	@PostMapping("/api/v1/conversations/{conversationId}/handoffs")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<HandoffResponse> request(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody CreateHandoffRequest body) {
		Handoff handoff = this.handoffs.request(workspace, actor, ConversationId.parse(conversationId), body.reason(),
				body.requestedBy(), body.team());
		return ResponseEntity.status(HttpStatus.CREATED).body(new HandoffResponse(HandoffJson.of(handoff)));
	}

	@Operation(operationId = "listConversationHandoffs", summary = "List a conversation's handoffs",
			description = "Oldest request first, keyset paging.")
	@GetMapping("/api/v1/conversations/{conversationId}/handoffs")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ResponseEntity<HandoffListResponse> history(WorkspaceId workspace,
			@PathVariable("conversationId") String conversationId,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last handoff of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		ConversationId id = ConversationId.parse(conversationId);
		Page<Handoff> page = this.handoffs.history(workspace, id, cursor(startingAfter),
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return answer(request, page);
	}

	@Operation(operationId = "getConversationHandling", summary = "Retrieve handling state",
			description = "agent (automation answers), handoff_requested or operator.")
	@GetMapping("/api/v1/conversations/{conversationId}/handling")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	HandlingResponse handling(WorkspaceId workspace, @PathVariable("conversationId") String conversationId) {
		return new HandlingResponse(
				HandlingJson.of(this.handoffs.handling(workspace, ConversationId.parse(conversationId))));
	}

	@Operation(operationId = "takeOverConversation", summary = "Take over",
			description = "An operator takes the conversation, answering a request or straight from automation, "
					+ "and is assigned when it has no operator. 409 when an operator already handles it or it is "
					+ "solved.")
	@PostMapping("/api/v1/conversations/{conversationId}/takeover")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	HandoffResponse takeOver(WorkspaceId workspace, @PathVariable("conversationId") String conversationId,
			@Valid @RequestBody OperatorActionRequest body) {
		ConversationId id = ConversationId.parse(conversationId);
		return new HandoffResponse(HandoffJson.of(this.handoffs.takeOver(workspace, id, body.requiredOperator())));
	}

	@Operation(operationId = "releaseConversation", summary = "Release to automation",
			description = "Ends a takeover or withdraws a request; the body may name the operator who releases. "
					+ "409 when automation already handles the conversation.")
	@PostMapping("/api/v1/conversations/{conversationId}/release")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	HandoffResponse release(WorkspaceId workspace, Actor actor, @PathVariable("conversationId") String conversationId,
			@Valid @RequestBody(required = false) OperatorActionRequest body) {
		ConversationId id = ConversationId.parse(conversationId);
		UUID operator = (body != null) ? body.operator() : null;
		return new HandoffResponse(HandoffJson.of(this.handoffs.release(workspace, actor, id, operator)));
	}

	@Operation(operationId = "listHandoffs", summary = "List handoffs by state",
			description = "With state=requested (the default), the queue of conversations waiting for a person, "
					+ "oldest request first.")
	@GetMapping("/api/v1/handoffs")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ResponseEntity<HandoffListResponse> list(WorkspaceId workspace,
			@Parameter(description = "requested (default), taken_over or released") @RequestParam(name = "state",
					required = false) String state,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last handoff of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		String wanted = (state != null) ? state : Handoff.REQUESTED;
		if (!wanted.matches("requested|taken_over|released")) {
			throw new InvalidRequest("state must be one of requested, taken_over, released.");
		}
		Page<Handoff> page = this.handoffs.inState(workspace, wanted, cursor(startingAfter),
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return answer(request, page);
	}

	private static ResponseEntity<HandoffListResponse> answer(HttpServletRequest request, Page<Handoff> page) {
		return NextPageLink.ok(request, page, Handoff::id)
			.body(new HandoffListResponse("list", page.hasMore(), page.items().stream().map(HandoffJson::of).toList()));
	}

	private static UUID cursor(String startingAfter) {
		if (startingAfter == null) {
			return null;
		}
		return Uuids.parse(startingAfter).orElseThrow(() -> new InvalidRequest("startingAfter must be a handoff id."));
	}

}

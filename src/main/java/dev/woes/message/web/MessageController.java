package dev.woes.message.web;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.message.Message;
import dev.woes.message.MessageId;
import dev.woes.message.MessageThread;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Uuids;
import dev.woes.event.Actor;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Conversations")
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/messages")
class MessageController {

	/**
	 * Without {@code limit}, one answer holds up to this many messages; a Link header
	 * leads on.
	 */
	static final int MAX_LIMIT = 1000;

	private final MessageThread thread;

	MessageController(MessageThread thread) {
		this.thread = thread;
	}

	@Operation(operationId = "listConversationMessages", summary = "List messages",
			description = "Oldest first. Without limit, up to 1000 messages; when more follow, the Link header "
					+ "(rel=\"next\") points at the rest. limit (1-1000) and startingAfter page explicitly.")
	@GetMapping
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ResponseEntity<MessageListResponse> list(WorkspaceId workspace,
			@PathVariable("conversationId") String conversationId,
			@Parameter(description = "1-1000, default 1000") @RequestParam(name = "limit",
					required = false) String limit,
			@Parameter(description = "Id of the last message of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		ConversationId conversation = ConversationId.parse(conversationId);
		MessageId cursor = (startingAfter != null) ? Uuids.parse(startingAfter)
			.map(MessageId::new)
			.orElseThrow(() -> new InvalidRequest("startingAfter must be a message id.")) : null;
		Page<Message> page = this.thread.read(workspace, conversation, cursor,
				ListLimit.parse("limit", limit, MAX_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, Message::id)
			.body(new MessageListResponse("list", page.items().stream().map(MessageJson::of).toList()));
	}

	@Operation(operationId = "createConversationMessage", summary = "Create message",
			description = "Records a message written elsewhere; it moves the conversation's lastMessageAt, "
					+ "updatedAt and preview. The API does not deliver messages to a channel.")
	@PostMapping
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<MessageResponse> post(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody CreateMessageRequest body) {
		Message message = this.thread.post(workspace, actor, ConversationId.parse(conversationId), body.parsedRole(),
				body.body());
		return ResponseEntity.status(HttpStatus.CREATED).body(new MessageResponse(MessageJson.of(message)));
	}

}

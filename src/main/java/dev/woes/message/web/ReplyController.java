package dev.woes.message.web;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.message.Message;
import dev.woes.message.MessageThread;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Conversations")
@RestController
class ReplyController {

	private final MessageThread thread;

	ReplyController(MessageThread thread) {
		this.thread = thread;
	}

	@Operation(operationId = "createConversationReply", summary = "Record an operator reply",
			description = "Records an assistant message written by the operator; it moves lastMessageAt, updatedAt "
					+ "and preview like any message. A solved conversation stays solved, and the reply does not "
					+ "assign the operator.")
	@PostMapping("/api/v1/conversations/{conversationId}/replies")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<MessageResponse> reply(WorkspaceId workspace, @PathVariable("conversationId") String conversationId,
			@Valid @RequestBody CreateReplyRequest body) {
		ConversationId conversation = ConversationId.parse(conversationId);
		Message message = this.thread.reply(workspace, conversation, body.operator(), body.body());
		return ResponseEntity.status(HttpStatus.CREATED).body(new MessageResponse(MessageJson.of(message)));
	}

}

package dev.woes.conversation.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.Channel;
import dev.woes.conversation.Conversation;
import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.conversation.ConversationQuery;
import dev.woes.conversation.ConversationStatus;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Texts;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Conversations")
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final ConversationManagement conversations;

	ConversationController(ConversationManagement conversations) {
		this.conversations = conversations;
	}

	@Operation(operationId = "listConversations", summary = "List conversations",
			description = "Most recent activity first (lastMessageAt, then id, descending). When hasMore is true, "
					+ "pass the last id as startingAfter for the next page; the Link header carries that URL.")
	@GetMapping
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ResponseEntity<ConversationListResponse> list(WorkspaceId workspace,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "open, waiting or solved") @RequestParam(name = "status",
					required = false) String status,
			@Parameter(description = "api, live-chat, email or discord") @RequestParam(name = "channel",
					required = false) String channel,
			@Parameter(description = "Exact customer id, 1-200 characters") @RequestParam(name = "customerId",
					required = false) String customerId,
			@Parameter(description = "Tag name, any case, 1-64 characters") @RequestParam(name = "tag",
					required = false) String tag,
			@Parameter(description = "Only conversations assigned to this operator") @RequestParam(name = "assigneeId",
					required = false) String assigneeId,
			@Parameter(description = "Only conversations assigned to this team") @RequestParam(name = "teamId",
					required = false) String teamId,
			@Parameter(description = "true: only assigned conversations (to an operator or a team); false: only "
					+ "unassigned ones") @RequestParam(name = "assigned", required = false) String assigned,
			@Parameter(description = "Id of the last conversation of the previous page") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			HttpServletRequest request) {
		ConversationQuery query = new ConversationQuery(
				(status != null)
						? ConversationStatus.fromWireName(status)
							.orElseThrow(() -> new InvalidRequest("status must be one of open, waiting, solved."))
						: null,
				(channel != null) ? Channel.fromWireName(channel)
					.orElseThrow(() -> new InvalidRequest("channel must be one of api, live-chat, email, discord."))
						: null,
				customerId(customerId), text("tag", tag, 64), id("assigneeId", assigneeId), id("teamId", teamId),
				assigned(assigned), cursor(startingAfter), ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		Page<Conversation> page = this.conversations.list(workspace, query);
		return NextPageLink.ok(request, page, Conversation::id)
			.body(new ConversationListResponse("list", page.hasMore(),
					page.items().stream().map(ConversationJson::of).toList()));
	}

	@Operation(operationId = "createConversation", summary = "Create conversation")
	@PostMapping
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<ConversationResponse> create(WorkspaceId workspace, Actor actor,
			@Valid @RequestBody CreateConversationRequest body) {
		Conversation conversation = this.conversations.open(workspace, actor, body.toNewConversation());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new ConversationResponse(ConversationJson.of(conversation)));
	}

	@Operation(operationId = "getConversation", summary = "Retrieve conversation")
	@GetMapping("/{conversationId}")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ConversationResponse get(WorkspaceId workspace, @PathVariable("conversationId") String conversationId) {
		return new ConversationResponse(
				ConversationJson.of(this.conversations.get(workspace, ConversationId.parse(conversationId))));
	}

	@Operation(operationId = "updateConversation", summary = "Update conversation",
			description = "Any of status, priority, subject. closedAt is set when the status becomes solved and "
					+ "cleared when it leaves solved.")
	@PatchMapping("/{conversationId}")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ConversationResponse update(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody UpdateConversationRequest body) {
		ConversationId id = ConversationId.parse(conversationId);
		return new ConversationResponse(
				ConversationJson.of(this.conversations.change(workspace, actor, id, body.toChanges())));
	}

	private static String customerId(String customerId) {
		return text("customerId", customerId, 200);
	}

	private static String text(String parameter, String value, int max) {
		if (value != null) {
			int length = value.codePointCount(0, value.length());
			if (length < 1 || length > max) {
				throw new InvalidRequest(parameter + " must be 1-" + max + " characters.");
			}
			if (!Texts.isStorable(value)) {
				throw new InvalidRequest(parameter + " " + Texts.NOT_STORABLE + ".");
			}
		}
		return value;
	}

	private static UUID id(String parameter, String text) {
		if (text == null) {
			return null;
		}
		return Uuids.parse(text).orElseThrow(() -> new InvalidRequest(parameter + " must be a UUID."));
	}

	private static Boolean assigned(String assigned) {
		if (assigned == null) {
			return null;
		}
		return switch (assigned) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new InvalidRequest("assigned must be true or false.");
		};
	}

	private static ConversationId cursor(String startingAfter) {
		if (startingAfter == null) {
			return null;
		}
		return Uuids.parse(startingAfter)
			.map(ConversationId::new)
			.orElseThrow(() -> new InvalidRequest("startingAfter must be a conversation id."));
	}

}

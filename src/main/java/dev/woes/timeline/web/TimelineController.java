package dev.woes.timeline.web;

import java.util.UUID;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Uuids;
import dev.woes.timeline.Timeline;
import dev.woes.timeline.TimelineItem;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notes")
@RestController
class TimelineController {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	private final Timeline timeline;

	private final JsonMapper json;

	TimelineController(Timeline timeline, JsonMapper json) {
		this.timeline = timeline;
		this.json = json;
	}

	@Operation(operationId = "listConversationTimeline", summary = "List timeline",
			description = "Operator-only: the conversation's messages (with their authors), private notes and "
					+ "recorded changes, oldest first. When hasMore is true, pass the last item's id as "
					+ "startingAfter; the Link header carries that URL.")
	@GetMapping("/api/v1/conversations/{conversationId}/timeline")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ResponseEntity<TimelineListResponse> list(WorkspaceId workspace,
			@PathVariable("conversationId") String conversationId,
			@Parameter(description = "1-200, default 50") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last item of the previous page") @RequestParam(name = "startingAfter",
					required = false) String startingAfter,
			HttpServletRequest request) {
		ConversationId conversation = ConversationId.parse(conversationId);
		UUID cursor = (startingAfter != null) ? Uuids.parse(startingAfter)
			.orElseThrow(() -> new InvalidRequest("startingAfter must be the id of a timeline item.")) : null;
		Page<TimelineItem> page = this.timeline.read(workspace, conversation, cursor,
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, TimelineItem::id)
			.body(new TimelineListResponse("list", page.hasMore(),
					page.items().stream().map((item) -> TimelineItemJson.of(item, this.json)).toList()));
	}

}

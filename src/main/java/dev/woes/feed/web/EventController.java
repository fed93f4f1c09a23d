package dev.woes.feed.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.event.EventCursor;
import dev.woes.event.EventFeed;
import dev.woes.event.EventType;
import dev.woes.event.StoredEvent;
import dev.woes.feed.EventStreams;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.ListLimit;
import dev.woes.shared.NextPageLink;
import dev.woes.shared.Page;
import dev.woes.shared.Uuids;
import dev.woes.workspace.WorkspaceId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Events")
@RestController
@RequestMapping("/api/v1/events")
class EventController {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	private final EventFeed feed;

	private final EventStreams streams;

	private final JsonMapper json;

	EventController(EventFeed feed, EventStreams streams, JsonMapper json) {
		this.feed = feed;
		this.streams = streams;
		this.json = json;
	}

	@Operation(operationId = "listEvents", summary = "List events",
			description = "The workspace's events, oldest first. Pass the last event's id as startingAfter to "
					+ "read on: a client that always does never misses an event and never sees one twice. "
					+ "An event becomes visible once every transaction that started before it has ended.")
	@GetMapping
	@RequiresScope(Scope.EVENTS_READ)
	ResponseEntity<EventListResponse> list(WorkspaceId workspace,
			@Parameter(description = "Id of the last event already read") @RequestParam(name = "startingAfter",
					required = false) String startingAfter,
			@Parameter(description = "Comma-separated event types to keep; default every type") @RequestParam(
					name = "types", required = false) String types,
			@Parameter(description = "1-1000, default 100") @RequestParam(name = "limit",
					required = false) String limit,
			HttpServletRequest request) {
		Set<String> kept = parseTypes(types);
		int pageSize = ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT);
		EventCursor cursor = (startingAfter != null) ? cursor(workspace, "startingAfter", startingAfter)
				: EventCursor.START;
		Page<StoredEvent> page = Page.fromOverfetch(this.feed.after(workspace, cursor, kept, pageSize + 1), pageSize);
		return NextPageLink.ok(request, page, StoredEvent::id)
			.body(new EventListResponse("list", page.hasMore(), page.items().stream().map(EventJson::of).toList()));
	}

	@Operation(operationId = "streamEvents", summary = "Stream events",
			description = "Server-Sent Events: each event as it settles, with its id on the id: line, and a "
					+ "comment line every 15 s. Reconnect with Last-Event-ID (or startingAfter) to resume "
					+ "without loss or duplicates; without either, the stream starts with the next event.",
			responses = @ApiResponse(responseCode = "200", description = "An endless event stream",
					content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"))))
	@GetMapping("/stream")
	@RequiresScope(Scope.EVENTS_READ)
	void stream(WorkspaceId workspace, @Parameter(
			description = "Id of the last event already read; Last-Event-ID wins when both are sent") @RequestParam(
					name = "startingAfter", required = false) String startingAfter,
			@Parameter(description = "Comma-separated event types to keep; default every type") @RequestParam(
					name = "types", required = false) String types,
			@Parameter(description = "Id of the last event received, sent by a reconnecting client") @RequestHeader(
					name = "Last-Event-ID", required = false) String lastEventId,
			HttpServletResponse response) {
		Set<String> kept = parseTypes(types);
		Optional<EventCursor> from = Optional.empty();
		if (lastEventId != null && !lastEventId.isBlank()) {
			from = Optional.of(cursor(workspace, "Last-Event-ID", lastEventId.strip()));
		}
		else if (startingAfter != null) {
			from = Optional.of(cursor(workspace, "startingAfter", startingAfter));
		}
		this.streams.serve(workspace, kept, from, new SseWriter(response, this.json));
	}

	private EventCursor cursor(WorkspaceId workspace, String parameter, String eventId) {
		return Uuids.parse(eventId)
			.flatMap((id) -> this.feed.cursorOf(workspace, id))
			.orElseThrow(() -> new InvalidRequest(parameter + " must be the id of an event of this workspace that "
					+ "is still retained; read the feed from its start (without " + parameter + ") instead."));
	}

	private static Set<String> parseTypes(String types) {
		if (types == null) {
			return Set.of();
		}
		Set<String> kept = new LinkedHashSet<>();
		for (String name : types.split(",", -1)) {
			String type = name.strip();
			if (EventType.fromWireName(type).isEmpty()) {
				throw new InvalidRequest("types contains an unknown event type: '" + type + "'. Known types: "
						+ String.join(", ", Arrays.stream(EventType.values()).map(EventType::wireName).toList()) + ".");
			}
			kept.add(type);
		}
		return kept;
	}

}

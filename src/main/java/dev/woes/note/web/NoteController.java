package dev.woes.note.web;

import dev.woes.auth.RequiresScope;
import dev.woes.auth.Scope;
import dev.woes.conversation.ConversationId;
import dev.woes.event.Actor;
import dev.woes.note.Note;
import dev.woes.note.NoteBook;
import dev.woes.note.NoteId;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notes")
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}/notes")
class NoteController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final NoteBook notes;

	NoteController(NoteBook notes) {
		this.notes = notes;
	}

	@Operation(operationId = "listConversationNotes", summary = "List notes",
			description = "A conversation's private notes, oldest first. Operator-only: notes never appear in the "
					+ "messages list or the conversation. When hasMore is true, pass the last id as startingAfter; "
					+ "the Link header carries that URL.")
	@GetMapping
	@RequiresScope(Scope.CONVERSATIONS_READ)
	ResponseEntity<NoteListResponse> list(WorkspaceId workspace, @PathVariable("conversationId") String conversationId,
			@Parameter(description = "1-100, default 20") @RequestParam(name = "limit", required = false) String limit,
			@Parameter(description = "Id of the last note of the previous page") @RequestParam(name = "startingAfter",
					required = false) String startingAfter,
			HttpServletRequest request) {
		ConversationId conversation = ConversationId.parse(conversationId);
		NoteId cursor = (startingAfter != null) ? Uuids.parse(startingAfter)
			.map(NoteId::new)
			.orElseThrow(() -> new InvalidRequest("startingAfter must be a note id.")) : null;
		Page<Note> page = this.notes.read(workspace, conversation, cursor,
				ListLimit.parse("limit", limit, DEFAULT_LIMIT, MAX_LIMIT));
		return NextPageLink.ok(request, page, Note::id)
			.body(new NoteListResponse("list", page.hasMore(), page.items().stream().map(NoteJson::of).toList()));
	}

	@Operation(operationId = "createConversationNote", summary = "Create note",
			description = "Adds a private note written by an operator of the workspace (author.id) or an automation "
					+ "(author.name). @email mentions of the workspace's operators are resolved into mentions. "
					+ "The conversation's preview, lastMessageAt and updatedAt do not move.")
	@PostMapping
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<NoteResponse> create(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @Valid @RequestBody CreateNoteRequest body) {
		Note note = this.notes.write(workspace, actor, ConversationId.parse(conversationId), body.author().toAuthor(),
				body.body());
		return ResponseEntity.status(HttpStatus.CREATED).body(new NoteResponse(NoteJson.of(note)));
	}

	@Operation(operationId = "getConversationNote", summary = "Retrieve note")
	@GetMapping("/{noteId}")
	@RequiresScope(Scope.CONVERSATIONS_READ)
	NoteResponse get(WorkspaceId workspace, @PathVariable("conversationId") String conversationId,
			@PathVariable("noteId") String noteId) {
		ConversationId conversation = ConversationId.parse(conversationId);
		return new NoteResponse(NoteJson.of(this.notes.get(workspace, conversation, NoteId.parse(noteId))));
	}

	@Operation(operationId = "updateConversationNote", summary = "Update note",
			description = "Replaces the body; mentions are resolved again from the new body.")
	@PatchMapping("/{noteId}")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	NoteResponse update(WorkspaceId workspace, Actor actor, @PathVariable("conversationId") String conversationId,
			@PathVariable("noteId") String noteId, @Valid @RequestBody UpdateNoteRequest body) {
		ConversationId conversation = ConversationId.parse(conversationId);
		NoteId id = NoteId.parse(noteId);
		return new NoteResponse(NoteJson.of(this.notes.edit(workspace, actor, conversation, id, body.newBody())));
	}

	@Operation(operationId = "deleteConversationNote", summary = "Delete note",
			description = "Deletes the note for good; answers 204 without a body.")
	@DeleteMapping("/{noteId}")
	@RequiresScope(Scope.CONVERSATIONS_WRITE)
	ResponseEntity<Void> delete(WorkspaceId workspace, Actor actor,
			@PathVariable("conversationId") String conversationId, @PathVariable("noteId") String noteId) {
		ConversationId conversation = ConversationId.parse(conversationId);
		this.notes.delete(workspace, actor, conversation, NoteId.parse(noteId));
		return ResponseEntity.noContent().build();
	}

}

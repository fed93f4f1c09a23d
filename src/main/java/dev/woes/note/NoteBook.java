package dev.woes.note;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.event.Actor;
import dev.woes.event.EventHistory;
import dev.woes.event.EventLog;
import dev.woes.event.EventType;
import dev.woes.operator.OperatorDirectory;
import dev.woes.shared.Page;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes, edits, deletes and reads a conversation's private notes. Every change records
 * its event in the same transaction. Notes never touch the conversation itself: its
 * {@code preview}, {@code lastMessageAt} and {@code updatedAt} only follow the
 * customer-visible thread.
 */
@Service
public class NoteBook {

	/**
	 * Before every note: the smallest time and id a note can sort after.
	 */
	private static final Instant BEFORE_ALL = Instant.EPOCH;

	private static final UUID LOWEST_ID = new UUID(0, 0);

	private static final int BATCH = 500;

	private final Notes notes;

	private final ConversationManagement conversations;

	private final OperatorDirectory operators;

	private final EventLog events;

	private final EventHistory history;

	private final JsonMapper json;

	private final Clock clock;

	NoteBook(Notes notes, ConversationManagement conversations, OperatorDirectory operators, EventLog events,
			EventHistory history, JsonMapper json, Clock clock) {
		this.notes = notes;
		this.conversations = conversations;
		this.operators = operators;
		this.events = events;
		this.history = history;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Adds a note to a conversation.
	 * @throws dev.woes.conversation.ConversationNotFound when the workspace has no such
	 * conversation
	 * @throws dev.woes.operator.OperatorNotFound when the author is an operator the
	 * workspace does not have
	 */
	@Transactional
	public Note write(WorkspaceId workspace, Actor actor, ConversationId conversation, NoteAuthor author, String body) {
		this.conversations.requireExists(workspace, conversation);
		if (author.isOperator()) {
			this.operators.require(workspace, author.operatorId());
		}
		Instant now = Timestamps.now(this.clock);
		Note note = new Note(NoteId.generate(), conversation, author, body, mentionsIn(workspace, body), now, now);
		this.notes.add(workspace, note);
		this.events.record(workspace, EventType.CONVERSATION_NOTE_CREATED, actor, conversation.value(),
				NotePayload.of(note));
		return note;
	}

	@Transactional(readOnly = true)
	public Note get(WorkspaceId workspace, ConversationId conversation, NoteId id) {
		return this.notes.find(workspace, conversation, id).orElseThrow(() -> missing(workspace, conversation));
	}

	/**
	 * The note, if the conversation has it.
	 */
	@Transactional(readOnly = true)
	public Optional<Note> find(WorkspaceId workspace, ConversationId conversation, NoteId id) {
		return this.notes.find(workspace, conversation, id);
	}

	/**
	 * Replaces a note's body; its mentions are resolved again from the new body.
	 */
	@Transactional
	public Note edit(WorkspaceId workspace, Actor actor, ConversationId conversation, NoteId id, String body) {
		Note note = this.notes.find(workspace, conversation, id).orElseThrow(() -> missing(workspace, conversation));
		Note edited = note.edit(body, mentionsIn(workspace, body), Timestamps.now(this.clock));
		if (!this.notes.update(workspace, edited)) {
			// Deleted by a concurrent request since it was read.
			throw new NoteNotFound();
		}
		this.events.record(workspace, EventType.CONVERSATION_NOTE_UPDATED, actor, conversation.value(),
				NotePayload.of(edited));
		return edited;
	}

	@Transactional
	public void delete(WorkspaceId workspace, Actor actor, ConversationId conversation, NoteId id) {
		Note removed = this.notes.remove(workspace, conversation, id)
			.orElseThrow(() -> missing(workspace, conversation));
		this.events.record(workspace, EventType.CONVERSATION_NOTE_DELETED, actor, conversation.value(),
				NotePayload.deleted(removed));
	}

	/**
	 * One page of a conversation's notes, oldest first.
	 * @param startingAfter the last note of the previous page, or {@code null}
	 */
	@Transactional(readOnly = true)
	public Page<Note> read(WorkspaceId workspace, ConversationId conversation, NoteId startingAfter, int limit) {
		this.conversations.requireExists(workspace, conversation);
		Instant at = BEFORE_ALL;
		UUID after = LOWEST_ID;
		if (startingAfter != null) {
			at = placeOf(workspace, conversation, startingAfter).orElseThrow(UnknownNoteCursor::new);
			after = startingAfter.value();
		}
		return Page.fromOverfetch(this.notes.after(workspace, conversation, at, after, limit + 1), limit);
	}

	/**
	 * Where a note sits in its conversation's {@code (createdAt, id)} order: its
	 * {@code createdAt}. A deleted note keeps its place (read from its deletion event),
	 * so a reader whose last item was deleted meanwhile pages on instead of failing.
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> placeOf(WorkspaceId workspace, ConversationId conversation, NoteId id) {
		Optional<Note> note = this.notes.find(workspace, conversation, id);
		if (note.isPresent()) {
			return Optional.of(note.get().createdAt());
		}
		return this.history
			.latest(workspace, conversation.value(), EventType.CONVERSATION_NOTE_DELETED, List.of("note", "id"),
					id.toString())
			.map((event) -> Instant.parse(this.json.readTree(event.data()).at("/note/createdAt").asString()));
	}

	/**
	 * Every note of a conversation, oldest first, for copying them elsewhere (to an
	 * issue, for example).
	 * @throws dev.woes.conversation.ConversationNotFound when the workspace has no such
	 * conversation
	 */
	@Transactional(readOnly = true)
	public List<Note> notesOf(WorkspaceId workspace, ConversationId conversation) {
		this.conversations.requireExists(workspace, conversation);
		List<Note> all = new ArrayList<>();
		List<Note> batch = this.notes.after(workspace, conversation, BEFORE_ALL, LOWEST_ID, BATCH);
		while (!batch.isEmpty()) {
			all.addAll(batch);
			Note last = batch.get(batch.size() - 1);
			batch = (batch.size() < BATCH) ? List.of()
					: this.notes.after(workspace, conversation, last.createdAt(), last.id().value(), BATCH);
		}
		return all;
	}

	/**
	 * Up to {@code rows} notes of a conversation sorting after {@code (at, id)} in
	 * {@code (createdAt, id)} order, for views that merge notes with other records.
	 */
	@Transactional(readOnly = true)
	public List<Note> after(WorkspaceId workspace, ConversationId conversation, Instant at, UUID id, int rows) {
		return this.notes.after(workspace, conversation, at, id, rows);
	}

	/**
	 * Names what is missing: the conversation, or the note in an existing conversation.
	 */
	private NoteNotFound missing(WorkspaceId workspace, ConversationId conversation) {
		this.conversations.requireExists(workspace, conversation);
		return new NoteNotFound();
	}

	private List<UUID> mentionsIn(WorkspaceId workspace, String body) {
		List<String> addresses = Mentions.addresses(body);
		return Mentions.resolve(addresses, this.operators.withEmails(workspace, addresses));
	}

}

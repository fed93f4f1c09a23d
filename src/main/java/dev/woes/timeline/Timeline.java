package dev.woes.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationManagement;
import dev.woes.event.EventHistory;
import dev.woes.event.EventType;
import dev.woes.event.StoredEvent;
import dev.woes.message.MessageId;
import dev.woes.message.MessageThread;
import dev.woes.note.NoteBook;
import dev.woes.note.NoteId;
import dev.woes.shared.Page;
import dev.woes.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a conversation's timeline: its messages, its notes and every recorded change of
 * the conversation, merged in time order.
 * <p>
 * Order: by time, then by kind (message, note, change), then within a kind by the
 * message's position, the note's id or the event's sequence in the log. Each source is
 * read from just after the cursor's place in that order, and the pages are merged.
 * <p>
 * Changes are the conversation's events, except those whose record appears as an item of
 * its own (a message's creation, a note's creation and edits). Every other type is kept,
 * including types added after this was written, so a new kind of change shows up without
 * touching this class. A deleted note leaves its deletion behind, without the text.
 */
@Service
public class Timeline {

	static final Set<String> SHOWN_AS_ITEMS = Set.of(EventType.CONVERSATION_MESSAGE_CREATED.wireName(),
			EventType.CONVERSATION_NOTE_CREATED.wireName(), EventType.CONVERSATION_NOTE_UPDATED.wireName());

	private static final Comparator<TimelineItem> ORDER = Comparator.comparing(TimelineItem::at)
		.thenComparing(TimelineItem::kind);

	private static final UUID LOWEST_ID = new UUID(0, 0);

	private static final UUID HIGHEST_ID = new UUID(-1, -1);

	private final ConversationManagement conversations;

	private final MessageThread messages;

	private final NoteBook notes;

	private final EventHistory history;

	Timeline(ConversationManagement conversations, MessageThread messages, NoteBook notes, EventHistory history) {
		this.conversations = conversations;
		this.messages = messages;
		this.notes = notes;
		this.history = history;
	}

	/**
	 * One page of the timeline.
	 * @param startingAfter the id of the last item of the previous page, or {@code null}
	 */
	@Transactional(readOnly = true)
	public Page<TimelineItem> read(WorkspaceId workspace, ConversationId conversation, UUID startingAfter, int limit) {
		this.conversations.requireExists(workspace, conversation);
		Place place = (startingAfter != null) ? placeOf(workspace, conversation, startingAfter) : Place.START;
		int rows = limit + 1;
		List<TimelineItem> merged = new ArrayList<>();
		Place messagesFrom = place.forKind(TimelineItem.Kind.MESSAGE);
		this.messages.afterTime(workspace, conversation, messagesFrom.at(), messagesFrom.sequence(), rows)
			.forEach((message) -> merged.add(TimelineItem.of(message)));
		Place notesFrom = place.forKind(TimelineItem.Kind.NOTE);
		this.notes.after(workspace, conversation, notesFrom.at(), notesFrom.id(), rows)
			.forEach((note) -> merged.add(TimelineItem.of(note)));
		Place changesFrom = place.forKind(TimelineItem.Kind.CHANGE);
		this.history
			.after(workspace, conversation.value(), SHOWN_AS_ITEMS, changesFrom.at(), changesFrom.sequence(), rows)
			.forEach((event) -> merged.add(TimelineItem.of(event)));
		// A stable sort keeps each source's own order among items of the same time and
		// kind.
		merged.sort(ORDER);
		return Page.fromOverfetch(merged.subList(0, Math.min(rows, merged.size())), limit);
	}

	private Place placeOf(WorkspaceId workspace, ConversationId conversation, UUID id) {
		var message = this.messages.find(workspace, conversation, new MessageId(id));
		if (message.isPresent()) {
			return new Place(message.get().createdAt(), TimelineItem.Kind.MESSAGE, message.get().position(), id);
		}
		var note = this.notes.placeOf(workspace, conversation, new NoteId(id));
		if (note.isPresent()) {
			return new Place(note.get(), TimelineItem.Kind.NOTE, 0, id);
		}
		Optional<StoredEvent> event = this.history.find(workspace, conversation.value(), id)
			.filter((found) -> !SHOWN_AS_ITEMS.contains(found.type()));
		return event
			.map((found) -> new Place(found.occurredAt(), TimelineItem.Kind.CHANGE, found.cursor().sequence(), id))
			.orElseThrow(UnknownTimelineCursor::new);
	}

	/**
	 * A place in the timeline's order: the last item read. {@code sequence} is the
	 * message's position or the event's sequence; {@code id} breaks ties among notes.
	 */
	private record Place(Instant at, TimelineItem.Kind kind, long sequence, UUID id) {

		static final Place START = new Place(Instant.EPOCH, TimelineItem.Kind.MESSAGE, Long.MIN_VALUE, LOWEST_ID);

		/**
		 * Where a source of items of one kind resumes: just after this place. Kinds
		 * ordered before this place's kind resume after its millisecond, kinds after it
		 * at its millisecond, and its own kind just after the item.
		 */
		Place forKind(TimelineItem.Kind source) {
			int order = source.compareTo(this.kind);
			if (order == 0) {
				return this;
			}
			return (order < 0) ? new Place(this.at, source, Long.MAX_VALUE, HIGHEST_ID)
					: new Place(this.at, source, Long.MIN_VALUE, LOWEST_ID);
		}

	}

}

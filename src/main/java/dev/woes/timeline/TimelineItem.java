package dev.woes.timeline;

import java.time.Instant;
import java.util.UUID;

import dev.woes.event.StoredEvent;
import dev.woes.message.Message;
import dev.woes.note.Note;

/**
 * One entry of a conversation's timeline: exactly one of a message, a note or a change
 * (an event of the conversation).
 *
 * @param id the message's, note's or event's id
 * @param at when it happened: the message's or note's creation, the event's occurrence
 */
public record TimelineItem(Kind kind, UUID id, Instant at, Message message, Note note, StoredEvent change) {

	/**
	 * What an item is. Items that happened in the same millisecond are ordered by kind in
	 * this order.
	 */
	public enum Kind {

		MESSAGE, NOTE, CHANGE

	}

	static TimelineItem of(Message message) {
		return new TimelineItem(Kind.MESSAGE, message.id().value(), message.createdAt(), message, null, null);
	}

	static TimelineItem of(Note note) {
		return new TimelineItem(Kind.NOTE, note.id().value(), note.createdAt(), null, note, null);
	}

	static TimelineItem of(StoredEvent event) {
		return new TimelineItem(Kind.CHANGE, event.id(), event.occurredAt(), null, null, event);
	}

}

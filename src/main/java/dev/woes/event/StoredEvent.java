package dev.woes.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as the log holds it.
 *
 * @param id time-ordered id, what clients see and dedupe on
 * @param cursor where the event sits in its workspace's feed
 * @param type the wire name of its {@link EventType}
 * @param occurredAt when the change happened
 * @param actor who made the change
 * @param subjectId the record that changed, or {@code null}
 * @param data the event's {@code data} object as JSON text
 */
public record StoredEvent(UUID id, EventCursor cursor, String type, Instant occurredAt, Actor actor, UUID subjectId,
		String data) {

}

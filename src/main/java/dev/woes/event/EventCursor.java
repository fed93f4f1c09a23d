package dev.woes.event;

/**
 * A position in a workspace's event feed: the writing transaction and the event's
 * sequence number within the log. Feed order is (transaction, sequence), and a reader
 * only passes events whose transaction is older than every transaction still running, so
 * an event committing late can never appear behind a cursor that already moved on.
 *
 * @param transaction the writing transaction's 64-bit id, as text
 * @param sequence the event's sequence number
 */
public record EventCursor(String transaction, long sequence) {

	/**
	 * Before the first event.
	 */
	public static final EventCursor START = new EventCursor("0", 0);

}

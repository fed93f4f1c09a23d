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
public record EventCursor(String transaction, long sequence) implements Comparable<EventCursor> {

	/**
	 * Before the first event.
	 */
	public static final EventCursor START = new EventCursor("0", 0);

	/**
	 * Feed order: by transaction id (an unsigned 64-bit number), then by sequence.
	 */
	@Override
	public int compareTo(EventCursor other) {
		int byTransaction = Long.compareUnsigned(Long.parseUnsignedLong(this.transaction),
				Long.parseUnsignedLong(other.transaction));
		return (byTransaction != 0) ? byTransaction : Long.compare(this.sequence, other.sequence);
	}

	public boolean isAfter(EventCursor other) {
		return compareTo(other) > 0;
	}

}

package dev.woes.idempotency;

/**
 * What to do with a request that carries a key.
 */
public sealed interface Reservation {

	/**
	 * The key is new (or its answer expired): run the request; the key is held until the
	 * transaction ends.
	 */
	record Granted() implements Reservation {
	}

	/**
	 * The key was already answered for this very request: send that answer again.
	 */
	record Replay(StoredResponse response) implements Reservation {
	}

	/**
	 * A request with this key is running right now.
	 */
	record InProgress() implements Reservation {
	}

	/**
	 * The key was already used for another request; the sentence says how.
	 */
	record Reused(String sentence) implements Reservation {
	}

}

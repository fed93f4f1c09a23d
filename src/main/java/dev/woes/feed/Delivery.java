package dev.woes.feed;

import java.util.function.Function;

import dev.woes.event.StoredEvent;

/**
 * An event on its way to every stream of its workspace on this node. It is encoded for
 * the wire once, by whichever stream writes it first, and the bytes are shared by all.
 */
final class Delivery {

	private final StoredEvent event;

	private volatile byte[] frame;

	Delivery(StoredEvent event) {
		this.event = event;
	}

	StoredEvent event() {
		return this.event;
	}

	/**
	 * The encoded event; every stream encodes the same way, so the first one's bytes
	 * serve all (two streams racing both encode, which is harmless).
	 */
	byte[] frame(Function<StoredEvent, byte[]> encoder) {
		byte[] encoded = this.frame;
		if (encoded == null) {
			encoded = encoder.apply(this.event);
			this.frame = encoded;
		}
		return encoded;
	}

}

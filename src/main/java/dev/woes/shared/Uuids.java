package dev.woes.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Time-ordered (version 7) UUIDs for new records, so that fresh rows land at the right
 * edge of their indexes, and strict parsing of ids that arrive in paths and query
 * strings.
 */
public final class Uuids {

	private static final Pattern CANONICAL = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private Uuids() {
	}

	public static UUID v7() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long millis = System.currentTimeMillis();
		long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}

	/**
	 * Parses the canonical 36-character form only; anything else is not an id of ours.
	 */
	public static Optional<UUID> parse(String text) {
		if (text == null || !CANONICAL.matcher(text).matches()) {
			return Optional.empty();
		}
		return Optional.of(UUID.fromString(text));
	}

}

package dev.woes.idempotency;

/**
 * A client's name for one intended write: 1-255 visible ASCII characters, unique within
 * the workspace for as long as its answer is kept.
 */
public record IdempotencyKey(String value) {

	public static final String HEADER = "Idempotency-Key";

	public static final int MAX_LENGTH = 255;

	public static final String MALFORMED = HEADER + " must be 1-" + MAX_LENGTH
			+ " visible ASCII characters (letters, digits and punctuation).";

	public IdempotencyKey {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException(MALFORMED);
		}
	}

	public static boolean isWellFormed(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

}

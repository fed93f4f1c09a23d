package dev.woes.webhook;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Signing secrets: {@code whsec_} and 64 hex digits (256 random bits).
 */
final class WebhookSecret {

	static final String MARKER = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSecret() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return MARKER + HexFormat.of().formatHex(bytes);
	}

}

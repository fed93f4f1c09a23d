package dev.woes.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a key was used for: the method, the path with its query string, and a SHA-256 of
 * the body's bytes. A retry must match it exactly to be answered from the stored reply.
 */
public record Fingerprint(String method, String path, String bodySha256) {

	public static Fingerprint of(String method, String path, byte[] body) {
		try {
			return new Fingerprint(method, path,
					HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Why a request does not match this fingerprint, or {@code null} when it does.
	 */
	String mismatch(Fingerprint request) {
		if (!this.method.equals(request.method) || !this.path.equals(request.path)) {
			return "This Idempotency-Key was already used for " + this.method + " " + this.path
					+ "; use a new key for another request.";
		}
		if (!this.bodySha256.equals(request.bodySha256)) {
			return "This Idempotency-Key was already used with a different request body; use a new key for "
					+ "another request.";
		}
		return null;
	}

}

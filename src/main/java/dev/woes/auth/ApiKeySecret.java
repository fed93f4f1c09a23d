package dev.woes.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret a caller presents: {@code woesk_} and 43 base62 characters (256 bits of
 * randomness). Only its SHA-256 hash and its first 15 characters (the visible prefix) are
 * ever stored. A slow password hash is unnecessary: the secret is random, not chosen by a
 * person.
 */
public final class ApiKeySecret {

	public static final String MARKER = "woesk_";

	static final int RANDOM_CHARACTERS = 43;

	static final int PREFIX_LENGTH = 15;

	private static final Pattern WELL_FORMED = Pattern.compile("woesk_[A-Za-z0-9]{43,200}");

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String value;

	private ApiKeySecret(String value) {
		this.value = value;
	}

	public static ApiKeySecret generate() {
		// 43 characters of 62 symbols carry log2(62) * 43 = 256.03 bits.
		StringBuilder secret = new StringBuilder(MARKER);
		for (int i = 0; i < RANDOM_CHARACTERS; i++) {
			secret.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return new ApiKeySecret(secret.toString());
	}

	public static boolean isWellFormed(String candidate) {
		return candidate != null && WELL_FORMED.matcher(candidate).matches();
	}

	/**
	 * @throws IllegalArgumentException when the text is not a well-formed key
	 */
	public static ApiKeySecret parse(String candidate) {
		if (!isWellFormed(candidate)) {
			throw new IllegalArgumentException("An API key is 'woesk_' followed by at least 43 letters and digits");
		}
		return new ApiKeySecret(candidate);
	}

	public String value() {
		return this.value;
	}

	public String prefix() {
		return this.value.substring(0, PREFIX_LENGTH);
	}

	public String hash() {
		return hash(this.value);
	}

	/**
	 * Hashes any presented token, well formed or not, for lookup.
	 */
	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	@Override
	public String toString() {
		return prefix() + "...";
	}

}

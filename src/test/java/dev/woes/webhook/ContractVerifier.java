package dev.woes.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's signature check written from the API contract alone: parse {@code t} and
 * every {@code v1} of {@code Woes-Signature}, refuse a timestamp more than 300 s away,
 * recompute HMAC-SHA256 over {@code "<t>.<raw body>"} with the endpoint's secret and
 * compare in constant time. It shares no code with the server.
 */
final class ContractVerifier {

	static final long TOLERANCE_SECONDS = 300;

	private ContractVerifier() {
	}

	static boolean verify(String header, String rawBody, String secret, Instant now) {
		if (header == null) {
			return false;
		}
		Long timestamp = null;
		List<String> signatures = new ArrayList<>();
		for (String part : header.split(",")) {
			int equals = part.indexOf('=');
			if (equals < 0) {
				return false;
			}
			String key = part.substring(0, equals).trim();
			String value = part.substring(equals + 1).trim();
			if (key.equals("t")) {
				if (timestamp != null || !value.matches("[0-9]{1,12}")) {
					return false;
				}
				timestamp = Long.parseLong(value);
			}
			else if (key.equals("v1")) {
				signatures.add(value);
			}
		}
		if (timestamp == null || signatures.isEmpty()
				|| Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE_SECONDS) {
			return false;
		}
		byte[] expected = hmacHex(secret, timestamp + "." + rawBody).getBytes(StandardCharsets.US_ASCII);
		boolean matched = false;
		for (String signature : signatures) {
			matched |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
		}
		return matched;
	}

	private static String hmacHex(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package dev.woes.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Woes-Signature} header: {@code t=<unix seconds>} and one
 * {@code v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>} per signing secret.
 */
public final class Signature {

	private Signature() {
	}

	public static String header(long unixSeconds, String body, List<String> secrets) {
		StringBuilder header = new StringBuilder("t=").append(unixSeconds);
		for (String secret : secrets) {
			header.append(",v1=").append(hmac(secret, unixSeconds + "." + body));
		}
		return header.toString();
	}

	static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is always available", ex);
		}
	}

}

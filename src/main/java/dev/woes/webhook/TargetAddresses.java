package dev.woes.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a webhook may send: a public address only (no loopback, private, link-local,
 * shared, multicast, reserved or documentation range, in IPv4 or IPv6, nor an IPv6 form
 * that embeds such an IPv4 address), over {@code https}, with no credentials in the URL.
 * Checked when a URL is set, and again before every attempt against the addresses the
 * name resolves to then. With {@code allowPrivate} (local development) {@code http} and
 * every address are allowed.
 */
public final class TargetAddresses {

	static final int MAX_URL_LENGTH = 2048;

	private static final Pattern CANONICAL_IPV4 = Pattern
		.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");

	private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

	/**
	 * IPv4 ranges that are not public: network, prefix length, what it is.
	 */
	private static final List<Range> IPV4_REFUSED = List.of(new Range(0x00000000, 8, "an unspecified (0.0.0.0/8)"),
			new Range(0x0A000000, 8, "a private (10.0.0.0/8)"),
			new Range(0x64400000, 10, "a carrier-grade NAT (100.64.0.0/10)"),
			new Range(0x7F000000, 8, "a loopback (127.0.0.0/8)"),
			new Range(0xA9FE0000, 16, "a link-local (169.254.0.0/16)"),
			new Range(0xAC100000, 12, "a private (172.16.0.0/12)"),
			new Range(0xC0000000, 24, "an IETF protocol (192.0.0.0/24)"),
			new Range(0xC0000200, 24, "a documentation (192.0.2.0/24)"),
			new Range(0xC0586300, 24, "a 6to4 relay (192.88.99.0/24)"),
			new Range(0xC0A80000, 16, "a private (192.168.0.0/16)"),
			new Range(0xC6120000, 15, "a benchmarking (198.18.0.0/15)"),
			new Range(0xC6336400, 24, "a documentation (198.51.100.0/24)"),
			new Range(0xCB007100, 24, "a documentation (203.0.113.0/24)"),
			new Range(0xE0000000, 4, "a multicast (224.0.0.0/4)"),
			new Range(0xF0000000, 4, "a reserved or broadcast (240.0.0.0/4)"));

	private final boolean allowPrivate;

	public TargetAddresses(boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/**
	 * Checks a URL given for an endpoint: its form, and every address its host resolves
	 * to now. A name that does not resolve yet is accepted; it is checked again before
	 * every attempt.
	 * @throws InvalidWebhookUrl naming the problem
	 */
	public URI check(String text) {
		URI uri = parse(text);
		try {
			addresses(uri);
		}
		catch (UnknownHostException ex) {
			// Not resolvable from here (yet): every attempt resolves and checks it again.
		}
		return uri;
	}

	/**
	 * The addresses a delivery may connect to now: the host resolved, every address
	 * checked.
	 * @throws InvalidWebhookUrl when the URL or any address is refused
	 * @throws UnknownHostException when the name does not resolve
	 */
	public List<InetAddress> addresses(URI uri) throws UnknownHostException {
		String host = uri.getHost();
		List<InetAddress> addresses;
		if (host.startsWith("[")) {
			addresses = List.of(InetAddress.getByName(host.substring(1, host.length() - 1)));
		}
		else {
			addresses = List.of(InetAddress.getAllByName(host));
		}
		if (!this.allowPrivate) {
			for (InetAddress address : addresses) {
				String refused = refusal(address);
				if (refused != null) {
					throw new InvalidWebhookUrl("url resolves to " + address.getHostAddress() + ", " + refused
							+ " address; webhooks are sent only to public addresses.");
				}
			}
		}
		return addresses;
	}

	/**
	 * Checks the URL's form without resolving it.
	 */
	public URI parse(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidWebhookUrl("url is required.");
		}
		if (text.length() > MAX_URL_LENGTH) {
			throw new InvalidWebhookUrl("url must be at most " + MAX_URL_LENGTH + " characters.");
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new InvalidWebhookUrl("url must be an absolute https URL.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(this.allowPrivate && scheme.equals("http"))) {
			throw new InvalidWebhookUrl("url must be an https URL.");
		}
		if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
			throw new InvalidWebhookUrl("url must not contain credentials (user:password@).");
		}
		if (uri.getRawFragment() != null) {
			throw new InvalidWebhookUrl("url must not have a fragment.");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw new InvalidWebhookUrl("url must name a host: a DNS name or an IP address in its usual form.");
		}
		if (host.startsWith("[")) {
			if (host.contains("%")) {
				throw new InvalidWebhookUrl("url must not carry an IPv6 zone.");
			}
			return uri;
		}
		String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
		String[] labels = name.split("\\.");
		if (labels.length > 0 && NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()
				&& !CANONICAL_IPV4.matcher(name).matches()) {
			throw new InvalidWebhookUrl(
					"url must name its host by a DNS name or a dotted-quad IPv4 address (no octal, hex, short or integer forms).");
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (!this.allowPrivate && (lower.equals("localhost") || lower.endsWith(".localhost"))) {
			throw new InvalidWebhookUrl("url must not point at localhost; webhooks are sent only to public addresses.");
		}
		return uri;
	}

	/**
	 * Why an address is not public, or {@code null} when it is.
	 */
	static String refusal(InetAddress address) {
		if (address instanceof Inet4Address) {
			return ipv4Refusal(toInt(address.getAddress(), 0));
		}
		if (address instanceof Inet6Address) {
			return ipv6Refusal(address.getAddress());
		}
		return "an unknown kind of";
	}

	private static String ipv4Refusal(int address) {
		for (Range range : IPV4_REFUSED) {
			if (range.contains(address)) {
				return range.name();
			}
		}
		return null;
	}

	private static String ipv6Refusal(byte[] b) {
		boolean firstTenZero = true;
		for (int i = 0; i < 10; i++) {
			firstTenZero &= b[i] == 0;
		}
		if (firstTenZero && b[10] == 0 && b[11] == 0) {
			boolean allZero = true;
			for (int i = 12; i < 15; i++) {
				allZero &= b[i] == 0;
			}
			if (allZero && b[15] == 0) {
				return "an unspecified (::)";
			}
			if (allZero && b[15] == 1) {
				return "a loopback (::1)";
			}
			return "an IPv4-compatible (::a.b.c.d, deprecated)";
		}
		if (firstTenZero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
			String embedded = ipv4Refusal(toInt(b, 12));
			return (embedded != null) ? "an IPv4-mapped " + embedded : null;
		}
		int first = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
		int second = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
		if (first == 0x0064 && second == 0xff9b) {
			boolean wellKnown = true;
			for (int i = 4; i < 12; i++) {
				wellKnown &= b[i] == 0;
			}
			if (!wellKnown) {
				return "a local-use NAT64 (64:ff9b:1::/48)";
			}
			String embedded = ipv4Refusal(toInt(b, 12));
			return (embedded != null) ? "a NAT64 form of " + embedded : null;
		}
		if (first == 0x2002) {
			String embedded = ipv4Refusal(toInt(b, 2));
			return (embedded != null) ? "a 6to4 form of " + embedded : null;
		}
		if (first == 0x2001 && second == 0x0000) {
			return "a Teredo (2001::/32)";
		}
		if (first == 0x2001 && second == 0x0db8) {
			return "a documentation (2001:db8::/32)";
		}
		if ((first & 0xFE00) == 0xFC00) {
			return "a unique local (fc00::/7)";
		}
		if ((first & 0xFFC0) == 0xFE80) {
			return "a link-local (fe80::/10)";
		}
		if ((first & 0xFFC0) == 0xFEC0) {
			return "a site-local (fec0::/10)";
		}
		if ((first & 0xFF00) == 0xFF00) {
			return "a multicast (ff00::/8)";
		}
		if ((first & 0xE000) != 0x2000) {
			return "a reserved (outside 2000::/3)";
		}
		return null;
	}

	private static int toInt(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
				| (bytes[offset + 3] & 0xFF);
	}

	private record Range(int network, int prefix, String name) {

		boolean contains(int address) {
			int mask = (this.prefix == 0) ? 0 : -1 << (32 - this.prefix);
			return (address & mask) == (this.network & mask);
		}

	}

}

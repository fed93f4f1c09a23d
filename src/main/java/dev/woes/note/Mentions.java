package dev.woes.note;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.woes.operator.Operator;

/**
 * Mentions in a note's body. A mention is {@code @} followed by the email address of an
 * operator of the workspace, e.g. {@code @ada@example.com}, where the {@code @} starts
 * the text or follows a character that cannot be part of an address (a space,
 * punctuation). Addresses are compared without case. A mention no operator answers to is
 * left as plain text; the body itself is never rewritten.
 */
final class Mentions {

	private static final Pattern MENTION = Pattern
		.compile("(?<![A-Za-z0-9._%+\\-@])@([A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+)");

	private Mentions() {
	}

	/**
	 * The addresses the body mentions, lower-cased, in order of first mention, without
	 * repeats.
	 */
	static List<String> addresses(String body) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(body);
		while (matcher.find()) {
			found.add(matcher.group(1).toLowerCase(Locale.ROOT));
		}
		return List.copyOf(found);
	}

	/**
	 * The ids of the operators among {@code operators} that the addresses name, in the
	 * addresses' order.
	 */
	static List<UUID> resolve(List<String> addresses, List<Operator> operators) {
		Map<String, UUID> byAddress = operators.stream()
			.collect(Collectors.toMap((operator) -> operator.email().toLowerCase(Locale.ROOT), Operator::id,
					(first, second) -> first));
		List<UUID> ids = new ArrayList<>();
		addresses.stream().map(byAddress::get).filter((id) -> id != null && !ids.contains(id)).forEach(ids::add);
		return ids;
	}

}

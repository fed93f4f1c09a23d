package dev.woes.issue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an issue stands: {@code new} (nobody looked yet), {@code on_you} (the team acts),
 * {@code on_customer} (the team waits on the customer), {@code on_hold} (parked) and
 * {@code closed}.
 */
public enum IssueStatusCategory {

	NEW, ON_YOU, ON_CUSTOMER, ON_HOLD, CLOSED;

	public static final String WIRE_NAMES = "new, on_you, on_customer, on_hold, closed";

	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<IssueStatusCategory> fromWireName(String name) {
		return Arrays.stream(values()).filter((category) -> category.wireName().equals(name)).findFirst();
	}

}

package dev.woes.event;

import java.util.UUID;

/**
 * Who made a change: the API key that called, an operator, an automation, the customer or
 * the server itself (a snoozed conversation waking up, for example).
 *
 * @param type one of {@code api_key}, {@code operator}, {@code automation},
 * {@code customer}, {@code system}
 * @param id the key's, operator's or customer's id; {@code null} for the server and for
 * an unnamed automation
 */
public record Actor(String type, String id) {

	public static final Actor SYSTEM = new Actor("system", null);

	public static Actor apiKey(UUID keyId) {
		return new Actor("api_key", keyId.toString());
	}

	public static Actor operator(UUID operatorId) {
		return new Actor("operator", operatorId.toString());
	}

	public static Actor automation(String name) {
		return new Actor("automation", name);
	}

	public static Actor customer(String customerId) {
		return new Actor("customer", customerId);
	}

}

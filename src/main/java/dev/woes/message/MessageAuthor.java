package dev.woes.message;

import java.util.Objects;
import java.util.UUID;

/**
 * Who wrote a message: the customer, an operator (a human reply) or an automation (an
 * agent's answer recorded through the API). Operator-only: the contract's message object
 * does not carry it.
 *
 * @param type {@code customer}, {@code operator} or {@code automation}
 * @param id the customer's or operator's id; {@code null} for an unnamed automation
 */
public record MessageAuthor(String type, String id) {

	public static final String CUSTOMER = "customer";

	public static final String OPERATOR = "operator";

	public static final String AUTOMATION = "automation";

	public MessageAuthor {
		Objects.requireNonNull(type);
	}

	public static MessageAuthor operator(UUID operatorId) {
		return new MessageAuthor(OPERATOR, operatorId.toString());
	}

	/**
	 * The author a message recorded through the messages route has: the customer for
	 * {@code user}, an automation for {@code assistant}.
	 */
	static MessageAuthor implied(Role role, String customerId) {
		return (role == Role.USER) ? new MessageAuthor(CUSTOMER, customerId) : new MessageAuthor(AUTOMATION, null);
	}

}

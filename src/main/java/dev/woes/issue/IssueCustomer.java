package dev.woes.issue;

import java.util.Objects;

/**
 * Who an issue is for. Name and company are {@code ""} when unknown, the email
 * {@code null}.
 */
public record IssueCustomer(String name, String email, String company) {

	public static final IssueCustomer UNKNOWN = new IssueCustomer("", null, "");

	public IssueCustomer {
		name = Objects.requireNonNullElse(name, "");
		company = Objects.requireNonNullElse(company, "");
	}

}

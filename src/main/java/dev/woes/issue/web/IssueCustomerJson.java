package dev.woes.issue.web;

import dev.woes.issue.IssueCustomer;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;

/**
 * The customer of an issue, as sent and as returned; name and company are {@code ""} when
 * unknown.
 */
@Schema(name = "IssueCustomer", description = "Who the issue is for.")
record IssueCustomerJson(@Schema(maxLength = 160) @TextLength(max = 160) String name,
		@Schema(maxLength = 320, format = "email", types = {
				"string", "null" }) @TextLength(max = 320) @Email(message = "must be an email address") String email,
		@Schema(maxLength = 160) @TextLength(max = 160) String company){

	static IssueCustomerJson of(IssueCustomer customer) {
		return new IssueCustomerJson(customer.name(), customer.email(), customer.company());
	}

	IssueCustomer toCustomer() {
		return new IssueCustomer(this.name, this.email, this.company);
	}

}

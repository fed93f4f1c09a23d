package dev.woes.conversation.web;

import dev.woes.conversation.Customer;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The customer of a conversation, as sent on creation and as returned.
 */
@Schema(name = "Customer", description = "The person a conversation is with.")
record CustomerJson(
		@Schema(minLength = 1, maxLength = 200, description = "The customer's id in the caller's system.",
				requiredMode = Schema.RequiredMode.REQUIRED) @NotNull(
						message = "is required") @TextLength(min = 1, max = 200) String id,
		@Schema(maxLength = 160) @TextLength(max = 160) String name,
		@Schema(maxLength = 320, format = "email", types = {
				"string", "null" }) @TextLength(max = 320) @Email(message = "must be an email address") String email,
		@Schema(maxLength = 160) @TextLength(max = 160) String company,
		@Schema(description = "How the identity was established: headers when asserted by the calling server.",
				example = "headers") @Pattern(regexp = "headers",
						message = "must be headers: the API can only record identities asserted by the calling server") String identitySource){

	static CustomerJson of(Customer customer) {
		return new CustomerJson(customer.id(), customer.name(), customer.email(), customer.company(),
				customer.identitySource());
	}

	Customer toCustomer() {
		return new Customer(this.id, this.name, this.email, this.company, this.identitySource);
	}

}

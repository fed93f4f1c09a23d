package dev.woes.operator.web;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.woes.operator.OperatorChanges;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;

/**
 * A PATCH carries at least one field; a field sent as {@code null} is refused, one left
 * out keeps its value.
 */
@Schema(name = "UpdateOperatorRequest", minProperties = 1)
final class UpdateOperatorRequest {

	@JsonProperty
	@Schema(minLength = 1, maxLength = 160)
	@TextLength(min = 1, max = 160)
	private String name;

	@JsonProperty
	@Schema(format = "email", maxLength = 320)
	@TextLength(min = 1, max = 320)
	@Email(message = "must be an email address")
	private String email;

	@JsonProperty
	@Schema(allowableValues = { "owner", "admin", "member", "viewer" })
	@Pattern(regexp = OperatorController.ROLES, message = "must be one of owner, admin, member, viewer")
	private String role;

	@JsonProperty
	@Schema(allowableValues = { "active", "away" })
	@Pattern(regexp = OperatorController.STATUSES, message = "must be one of active, away")
	private String status;

	private final Set<String> present = new LinkedHashSet<>();

	@JsonSetter("name")
	void name(String name) {
		this.present.add("name");
		this.name = name;
	}

	@JsonSetter("email")
	void email(String email) {
		this.present.add("email");
		this.email = email;
	}

	@JsonSetter("role")
	void role(String role) {
		this.present.add("role");
		this.role = role;
	}

	@JsonSetter("status")
	void status(String status) {
		this.present.add("status");
		this.status = status;
	}

	OperatorChanges toChanges() {
		if (this.present.isEmpty()) {
			throw new InvalidRequest("A PATCH body must carry at least one of name, email, role, status.");
		}
		for (String field : this.present) {
			boolean isNull = switch (field) {
				case "name" -> this.name == null;
				case "email" -> this.email == null;
				case "role" -> this.role == null;
				default -> this.status == null;
			};
			if (isNull) {
				throw new InvalidRequest(field + " must not be null.");
			}
		}
		return new OperatorChanges(this.name, this.email, this.role, this.status);
	}

}

package dev.woes.operator.web;

import dev.woes.operator.Operator;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Operator",
		requiredProperties = { "object", "id", "name", "email", "role", "status", "createdAt", "updatedAt" })
record OperatorJson(@Schema(allowableValues = "operator") String object, String id, String name, String email,
		@Schema(allowableValues = {
				"owner", "admin", "member", "viewer" }) String role,
		@Schema(allowableValues = { "active", "away" }) String status, @Schema(format = "date-time") String createdAt,
		@Schema(format = "date-time") String updatedAt){

	static OperatorJson of(Operator operator) {
		return new OperatorJson("operator", operator.id().toString(), operator.name(), operator.email(),
				operator.role(), operator.status(), Timestamps.format(operator.createdAt()),
				Timestamps.format(operator.updatedAt()));
	}

}

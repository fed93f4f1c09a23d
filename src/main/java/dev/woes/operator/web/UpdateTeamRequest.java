package dev.woes.operator.web;

import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * The one field a team's PATCH can change; the body must carry it.
 */
@Schema(name = "UpdateTeamRequest", requiredProperties = "name")
record UpdateTeamRequest(@Schema(minLength = 1, maxLength = 80) @NotNull(message = "is required") @TextLength(min = 1,
		max = 80) String name) {

}

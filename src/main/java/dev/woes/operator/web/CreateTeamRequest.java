package dev.woes.operator.web;

import java.util.List;
import java.util.UUID;

import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import dev.woes.shared.Uuids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "CreateTeamRequest", requiredProperties = "name")
record CreateTeamRequest(
		@Schema(minLength = 1, maxLength = 80) @NotNull(message = "is required") @TextLength(min = 1,
				max = 80) String name,
		@Schema(description = "Operators to add as members, at most 100") @Size(max = 100,
				message = "must hold at most 100 ids") List<@NotNull(
						message = "must not hold null") String> operatorIds) {

	List<UUID> members() {
		if (this.operatorIds == null) {
			return List.of();
		}
		return this.operatorIds.stream()
			.map((id) -> Uuids.parse(id).orElseThrow(() -> new InvalidRequest("operatorIds must hold operator ids.")))
			.toList();
	}

}

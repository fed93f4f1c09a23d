package dev.woes.operator.web;

import java.util.List;
import java.util.UUID;

import dev.woes.operator.Team;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "Team", requiredProperties = { "object", "id", "name", "operatorIds", "createdAt", "updatedAt" })
record TeamJson(@Schema(allowableValues = "team") String object, String id, String name,
		@Schema(description = "Members, in the order they joined") List<String> operatorIds,
		@Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt) {

	static TeamJson of(Team team) {
		return new TeamJson("team", team.id().toString(), team.name(),
				team.operatorIds().stream().map(UUID::toString).toList(), Timestamps.format(team.createdAt()),
				Timestamps.format(team.updatedAt()));
	}

}

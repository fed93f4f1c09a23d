package dev.woes.operator.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "TeamListResponse", requiredProperties = { "object", "hasMore", "teams" })
record TeamListResponse(@Schema(allowableValues = "list") String object, boolean hasMore, List<TeamJson> teams) {

}

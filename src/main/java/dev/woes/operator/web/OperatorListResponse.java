package dev.woes.operator.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "OperatorListResponse", requiredProperties = { "object", "hasMore", "operators" })
record OperatorListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<OperatorJson> operators) {

}

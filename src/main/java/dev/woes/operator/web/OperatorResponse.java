package dev.woes.operator.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "OperatorResponse", requiredProperties = "operator")
record OperatorResponse(OperatorJson operator) {

}

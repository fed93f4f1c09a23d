package dev.woes.issue.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "ExternalLinkResponse", requiredProperties = "externalLink")
record ExternalLinkResponse(ExternalLinkJson externalLink) {

}

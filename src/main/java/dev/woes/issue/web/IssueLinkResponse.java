package dev.woes.issue.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IssueLinkResponse", requiredProperties = "issueLink")
record IssueLinkResponse(IssueLinkJson issueLink) {

}

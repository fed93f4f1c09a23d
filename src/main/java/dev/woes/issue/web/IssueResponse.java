package dev.woes.issue.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IssueResponse", requiredProperties = "issue")
record IssueResponse(IssueJson issue) {

}

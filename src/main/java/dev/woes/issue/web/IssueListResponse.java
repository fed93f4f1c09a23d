package dev.woes.issue.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IssueListResponse", requiredProperties = { "object", "hasMore", "issues" })
record IssueListResponse(@Schema(allowableValues = "list") String object, boolean hasMore, List<IssueJson> issues) {

}

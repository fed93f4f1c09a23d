package dev.woes.issue.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IssueLinkListResponse", requiredProperties = { "object", "hasMore", "issueLinks" })
record IssueLinkListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<IssueLinkJson> issueLinks) {

}

package dev.woes.issue.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Every external link of an issue (at most 50), so {@code hasMore} is always false.
 */
@Schema(name = "ExternalLinkListResponse", requiredProperties = { "object", "hasMore", "externalLinks" })
record ExternalLinkListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<ExternalLinkJson> externalLinks) {

}

package dev.woes.issue.web;

import dev.woes.issue.ExternalLink;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where an issue is tracked outside Woes.
 */
@Schema(name = "ExternalLink", requiredProperties = { "object", "id", "issueId", "provider", "key", "url", "status",
		"createdAt", "updatedAt" })
record ExternalLinkJson(@Schema(allowableValues = "external_link") String object, @Schema(format = "uuid") String id,
		@Schema(format = "uuid") String issueId, @Schema(example = "linear") String provider,
		@Schema(example = "ENG-123") String key, @Schema(format = "uri") String url, @Schema(types = {
				"string", "null" }) String status,
		@Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt){

	static ExternalLinkJson of(ExternalLink link) {
		return new ExternalLinkJson("external_link", link.id().toString(), link.issueId().toString(), link.provider(),
				link.key(), link.url(), link.status(), Timestamps.format(link.createdAt()),
				Timestamps.format(link.updatedAt()));
	}

}

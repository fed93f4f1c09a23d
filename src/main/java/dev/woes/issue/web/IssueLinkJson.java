package dev.woes.issue.web;

import dev.woes.issue.IssueLink;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A conversation linked to an issue.
 */
@Schema(name = "IssueLink", requiredProperties = { "object", "issueId", "conversationId", "linkedAt" })
record IssueLinkJson(@Schema(allowableValues = "issue_link") String object, @Schema(format = "uuid") String issueId,
		@Schema(format = "uuid") String conversationId, @Schema(format = "date-time") String linkedAt) {

	static IssueLinkJson of(IssueLink link) {
		return new IssueLinkJson("issue_link", link.issueId().toString(), link.conversationId().toString(),
				Timestamps.format(link.linkedAt()));
	}

}

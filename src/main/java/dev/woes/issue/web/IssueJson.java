package dev.woes.issue.web;

import java.util.List;

import dev.woes.issue.Issue;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The issue object of the API: exactly these fields, always all present.
 */
@Schema(name = "Issue", requiredProperties = { "object", "id", "subject", "preview", "description", "statusCategory",
		"priority", "tags", "customer", "source", "createdAt", "updatedAt", "lastActivityAt", "closedAt" })
record IssueJson(@Schema(allowableValues = "issue") String object, String id, String subject, String preview,
		String description, @Schema(allowableValues = {
				"new", "on_you", "on_customer", "on_hold", "closed" }) String statusCategory,
		String priority, List<String> tags, IssueCustomerJson customer, IssueSourceJson source,
		@Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt,
		@Schema(format = "date-time") String lastActivityAt,
		@Schema(format = "date-time", types = { "string", "null" }) String closedAt){

	static IssueJson of(Issue issue) {
		return new IssueJson("issue", issue.id().toString(), issue.subject(), issue.preview(), issue.description(),
				issue.statusCategory().wireName(), issue.priority(), issue.tags(),
				IssueCustomerJson.of(issue.customer()), IssueSourceJson.of(issue.source()),
				Timestamps.format(issue.createdAt()), Timestamps.format(issue.updatedAt()),
				Timestamps.format(issue.lastActivityAt()), Timestamps.format(issue.closedAt()));
	}

}

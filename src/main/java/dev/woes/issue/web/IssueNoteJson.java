package dev.woes.issue.web;

import dev.woes.issue.IssueNote;
import dev.woes.shared.Timestamps;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A private note on an issue: operator-only, never shown to a customer.
 */
@Schema(name = "IssueNote", requiredProperties = { "object", "id", "issueId", "authorId", "body",
		"sourceConversationId", "createdAt", "updatedAt" })
record IssueNoteJson(@Schema(allowableValues = "issue_note") String object, @Schema(format = "uuid") String id,
		@Schema(format = "uuid") String issueId, @Schema(format = "uuid", types = {
				"string", "null" }, description = "The operator who wrote it, or null.") String authorId,
		String body,
		@Schema(format = "uuid", types = { "string", "null" },
				description = "The conversation whose private note this copies, or null.") String sourceConversationId,
		@Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt){

	static IssueNoteJson of(IssueNote note) {
		return new IssueNoteJson("issue_note", note.id().toString(), note.issueId().toString(),
				(note.authorId() != null) ? note.authorId().toString() : null, note.body(),
				(note.sourceConversationId() != null) ? note.sourceConversationId().toString() : null,
				Timestamps.format(note.createdAt()), Timestamps.format(note.updatedAt()));
	}

}

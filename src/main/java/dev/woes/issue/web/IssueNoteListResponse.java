package dev.woes.issue.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IssueNoteListResponse", requiredProperties = { "object", "hasMore", "issueNotes" })
record IssueNoteListResponse(@Schema(allowableValues = "list") String object, boolean hasMore,
		List<IssueNoteJson> issueNotes) {

}

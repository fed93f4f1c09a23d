package dev.woes.issue.web;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IssueNoteResponse", requiredProperties = "issueNote")
record IssueNoteResponse(IssueNoteJson issueNote) {

}

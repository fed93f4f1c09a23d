package dev.woes.issue.web;

import dev.woes.issue.IssueSource;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "IssueSource", description = "Where the issue was raised.",
		requiredProperties = { "channel", "conversationId" })
record IssueSourceJson(@Schema(types = {
		"string", "null" }) String channel,
		@Schema(types = { "string", "null" }, format = "uuid") String conversationId){

	static IssueSourceJson of(IssueSource source) {
		return new IssueSourceJson(source.channel(),
				(source.conversationId() != null) ? source.conversationId().toString() : null);
	}

}

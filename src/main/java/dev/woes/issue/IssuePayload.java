package dev.woes.issue;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.woes.shared.Timestamps;

/**
 * What issue events carry in {@code data}: the API's objects, field for field.
 */
public final class IssuePayload {

	private IssuePayload() {
	}

	public static Map<String, Object> of(Issue issue) {
		Map<String, Object> customer = new LinkedHashMap<>();
		customer.put("name", issue.customer().name());
		customer.put("email", issue.customer().email());
		customer.put("company", issue.customer().company());
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("channel", issue.source().channel());
		source.put("conversationId",
				(issue.source().conversationId() != null) ? issue.source().conversationId().toString() : null);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("object", "issue");
		data.put("id", issue.id().toString());
		data.put("subject", issue.subject());
		data.put("preview", issue.preview());
		data.put("description", issue.description());
		data.put("statusCategory", issue.statusCategory().wireName());
		data.put("priority", issue.priority());
		data.put("tags", issue.tags());
		data.put("customer", customer);
		data.put("source", source);
		data.put("createdAt", Timestamps.format(issue.createdAt()));
		data.put("updatedAt", Timestamps.format(issue.updatedAt()));
		data.put("lastActivityAt", Timestamps.format(issue.lastActivityAt()));
		data.put("closedAt", Timestamps.format(issue.closedAt()));
		return data;
	}

	public static Map<String, Object> of(IssueLink link) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("object", "issue_link");
		data.put("issueId", link.issueId().toString());
		data.put("conversationId", link.conversationId().toString());
		data.put("linkedAt", Timestamps.format(link.linkedAt()));
		return data;
	}

	public static Map<String, Object> of(IssueNote note) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("object", "issue_note");
		data.put("id", note.id().toString());
		data.put("issueId", note.issueId().toString());
		data.put("authorId", (note.authorId() != null) ? note.authorId().toString() : null);
		data.put("body", note.body());
		data.put("sourceConversationId",
				(note.sourceConversationId() != null) ? note.sourceConversationId().toString() : null);
		data.put("createdAt", Timestamps.format(note.createdAt()));
		data.put("updatedAt", Timestamps.format(note.updatedAt()));
		return data;
	}

	public static Map<String, Object> of(ExternalLink link) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("object", "external_link");
		data.put("id", link.id().toString());
		data.put("issueId", link.issueId().toString());
		data.put("provider", link.provider());
		data.put("key", link.key());
		data.put("url", link.url());
		data.put("status", link.status());
		data.put("createdAt", Timestamps.format(link.createdAt()));
		data.put("updatedAt", Timestamps.format(link.updatedAt()));
		return data;
	}

}

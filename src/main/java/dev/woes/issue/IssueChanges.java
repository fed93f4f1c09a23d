package dev.woes.issue;

import java.util.List;

/**
 * What a caller wants changed on an issue; a null member leaves that field as it is. Tags
 * and customer replace the stored ones.
 */
public record IssueChanges(String subject, String description, String priority, IssueStatusCategory statusCategory,
		List<String> tags, IssueCustomer customer) {

}

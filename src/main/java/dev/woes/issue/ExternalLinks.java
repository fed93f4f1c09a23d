package dev.woes.issue;

import java.util.List;
import java.util.Optional;

import dev.woes.workspace.WorkspaceId;

/**
 * The external tracker links of issues; each method sees one workspace only.
 */
public interface ExternalLinks {

	/**
	 * @throws DuplicateExternalLink when the issue already links that provider's key
	 */
	void add(WorkspaceId workspace, ExternalLink link);

	Optional<ExternalLink> find(WorkspaceId workspace, IssueId issue, ExternalLinkId id);

	/**
	 * @throws DuplicateExternalLink when the new key is already linked on the issue
	 */
	void update(WorkspaceId workspace, ExternalLink link);

	void remove(WorkspaceId workspace, ExternalLink link);

	/**
	 * Every external link of an issue, oldest first.
	 */
	List<ExternalLink> ofIssue(WorkspaceId workspace, IssueId issue);

}

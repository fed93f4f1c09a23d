package dev.woes.issue;

import java.util.List;
import java.util.Optional;

import dev.woes.workspace.WorkspaceId;

/**
 * The issues of every workspace; each method sees one workspace only.
 */
public interface Issues {

	void add(WorkspaceId workspace, Issue issue);

	Optional<Issue> find(WorkspaceId workspace, IssueId id);

	/**
	 * Finds an issue and locks it until the current transaction ends; every change to an
	 * issue, its links and its notes goes through this lock.
	 */
	Optional<Issue> findForUpdate(WorkspaceId workspace, IssueId id);

	void update(WorkspaceId workspace, Issue issue);

	/**
	 * Lists per the query, fetching up to {@code rows} rows. The cursor must exist: see
	 * {@link #exists}.
	 */
	List<Issue> list(WorkspaceId workspace, IssueQuery query, int rows);

	boolean exists(WorkspaceId workspace, IssueId id);

}

package dev.woes.issue;

import java.util.List;
import java.util.Optional;

import dev.woes.workspace.WorkspaceId;

/**
 * The private notes on issues; each method sees one workspace only.
 */
public interface IssueNotes {

	void add(WorkspaceId workspace, IssueNote note);

	Optional<IssueNote> find(WorkspaceId workspace, IssueId issue, IssueNoteId id);

	void update(WorkspaceId workspace, IssueNote note);

	void remove(WorkspaceId workspace, IssueNote note);

	/**
	 * Up to {@code rows} notes of an issue, oldest first, after the {@code after} note
	 * (null: from the start).
	 */
	List<IssueNote> list(WorkspaceId workspace, IssueId issue, IssueNoteId after, int rows);

}

package dev.woes.issue.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.issue.IssueId;
import dev.woes.issue.IssueNote;
import dev.woes.issue.IssueNoteId;
import dev.woes.issue.IssueNotes;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIssueNotes implements IssueNotes {

	private static final String COLUMNS = "note_id, issue_id, author_id, body, source_conversation_id, created_at, updated_at";

	private final JdbcClient jdbc;

	JdbcIssueNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, IssueNote note) {
		this.jdbc.sql("INSERT INTO issue_notes (workspace_id, " + COLUMNS + """
				) VALUES (:workspace, :id, :issue, :author, :body, :sourceConversation, :createdAt, :updatedAt)
				""")
			.param("workspace", workspace.value())
			.param("id", note.id().value())
			.param("issue", note.issueId().value())
			.param("author", note.authorId())
			.param("body", note.body())
			.param("sourceConversation",
					(note.sourceConversationId() != null) ? note.sourceConversationId().value() : null)
			.param("createdAt", Timestamps.toSql(note.createdAt()))
			.param("updatedAt", Timestamps.toSql(note.updatedAt()))
			.update();
	}

	@Override
	public Optional<IssueNote> find(WorkspaceId workspace, IssueId issue, IssueNoteId id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM issue_notes WHERE workspace_id = :workspace AND note_id = :id AND issue_id = :issue")
			.param("workspace", workspace.value())
			.param("id", id.value())
			.param("issue", issue.value())
			.query(JdbcIssueNotes::note)
			.optional();
	}

	@Override
	public void update(WorkspaceId workspace, IssueNote note) {
		this.jdbc.sql("""
				UPDATE issue_notes SET body = :body, updated_at = :updatedAt
				WHERE workspace_id = :workspace AND note_id = :id
				""")
			.param("body", note.body())
			.param("updatedAt", Timestamps.toSql(note.updatedAt()))
			.param("workspace", workspace.value())
			.param("id", note.id().value())
			.update();
	}

	@Override
	public void remove(WorkspaceId workspace, IssueNote note) {
		this.jdbc.sql("DELETE FROM issue_notes WHERE workspace_id = :workspace AND note_id = :id")
			.param("workspace", workspace.value())
			.param("id", note.id().value())
			.update();
	}

	@Override
	public List<IssueNote> list(WorkspaceId workspace, IssueId issue, IssueNoteId after, int rows) {
		String cursor = (after == null) ? "" : " " + """
				AND (created_at, note_id) > (SELECT created_at, note_id FROM issue_notes
				    WHERE workspace_id = :workspace AND note_id = :after)""";
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM issue_notes WHERE workspace_id = :workspace AND issue_id = :issue"
					+ cursor + " ORDER BY created_at, note_id " + ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("issue", issue.value());
		if (after != null) {
			statement = statement.param("after", after.value());
		}
		return statement.query(JdbcIssueNotes::note).list();
	}

	private static IssueNote note(ResultSet row, int number) throws SQLException {
		UUID source = row.getObject("source_conversation_id", UUID.class);
		return new IssueNote(new IssueNoteId(row.getObject("note_id", UUID.class)),
				new IssueId(row.getObject("issue_id", UUID.class)), row.getObject("author_id", UUID.class),
				row.getString("body"), (source != null) ? new ConversationId(source) : null,
				Timestamps.fromSql(row, "created_at"), Timestamps.fromSql(row, "updated_at"));
	}

}

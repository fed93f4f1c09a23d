package dev.woes.issue.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.issue.IssueId;
import dev.woes.issue.IssueLink;
import dev.woes.issue.IssueLinks;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIssueLinks implements IssueLinks {

	private final JdbcClient jdbc;

	JdbcIssueLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean add(WorkspaceId workspace, IssueLink link) {
		return this.jdbc.sql("""
				INSERT INTO issue_conversations (workspace_id, issue_id, conversation_id, linked_at)
				VALUES (:workspace, :issue, :conversation, :linkedAt)
				ON CONFLICT DO NOTHING
				""")
			.param("workspace", workspace.value())
			.param("issue", link.issueId().value())
			.param("conversation", link.conversationId().value())
			.param("linkedAt", Timestamps.toSql(link.linkedAt()))
			.update() == 1;
	}

	@Override
	public Optional<IssueLink> find(WorkspaceId workspace, IssueId issue, ConversationId conversation) {
		return this.jdbc.sql("""
				SELECT issue_id, conversation_id, linked_at FROM issue_conversations
				WHERE workspace_id = :workspace AND issue_id = :issue AND conversation_id = :conversation
				""")
			.param("workspace", workspace.value())
			.param("issue", issue.value())
			.param("conversation", conversation.value())
			.query(JdbcIssueLinks::link)
			.optional();
	}

	@Override
	public Optional<IssueLink> remove(WorkspaceId workspace, IssueId issue, ConversationId conversation) {
		return this.jdbc.sql("""
				DELETE FROM issue_conversations
				WHERE workspace_id = :workspace AND issue_id = :issue AND conversation_id = :conversation
				RETURNING issue_id, conversation_id, linked_at
				""")
			.param("workspace", workspace.value())
			.param("issue", issue.value())
			.param("conversation", conversation.value())
			.query(JdbcIssueLinks::link)
			.optional();
	}

	@Override
	public List<IssueLink> ofIssue(WorkspaceId workspace, IssueId issue, ConversationId after, int rows) {
		return page(workspace, "issue_id", issue.value(), "conversation_id", (after != null) ? after.value() : null,
				rows);
	}

	@Override
	public List<IssueLink> ofConversation(WorkspaceId workspace, ConversationId conversation, IssueId after, int rows) {
		return page(workspace, "conversation_id", conversation.value(), "issue_id",
				(after != null) ? after.value() : null, rows);
	}

	/**
	 * One page of the links of one issue or one conversation ({@code of} in column
	 * {@code ofColumn}), oldest first, then by the other side's id; after the link to
	 * {@code after} (in {@code otherColumn}) when it is not null.
	 */
	private List<IssueLink> page(WorkspaceId workspace, String ofColumn, UUID of, String otherColumn, UUID after,
			int rows) {
		String cursor = (after == null) ? ""
				: " AND (linked_at, " + otherColumn + ") > (SELECT linked_at, " + otherColumn
						+ " FROM issue_conversations WHERE workspace_id = :workspace AND " + ofColumn + " = :of AND "
						+ otherColumn + " = :after)";
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("SELECT issue_id, conversation_id, linked_at FROM issue_conversations"
					+ " WHERE workspace_id = :workspace AND " + ofColumn + " = :of" + cursor + " ORDER BY linked_at, "
					+ otherColumn + " " + ListLimit.sql(rows))
			.param("workspace", workspace.value())
			.param("of", of);
		if (after != null) {
			statement = statement.param("after", after);
		}
		return statement.query(JdbcIssueLinks::link).list();
	}

	private static IssueLink link(ResultSet row, int number) throws SQLException {
		return new IssueLink(new IssueId(row.getObject("issue_id", UUID.class)),
				new ConversationId(row.getObject("conversation_id", UUID.class)), Timestamps.fromSql(row, "linked_at"));
	}

}

package dev.woes.issue.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.ConversationId;
import dev.woes.issue.Issue;
import dev.woes.issue.IssueCustomer;
import dev.woes.issue.IssueId;
import dev.woes.issue.IssueQuery;
import dev.woes.issue.IssueSource;
import dev.woes.issue.IssueStatusCategory;
import dev.woes.issue.Issues;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIssues implements Issues {

	private static final String COLUMNS = """
			issue_id, subject, preview, description, status_category, priority, tags, customer_name, customer_email,
			customer_company, source_channel, source_conversation_id, created_at, updated_at, last_activity_at,
			closed_at""";

	private final JdbcClient jdbc;

	JdbcIssues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, Issue issue) {
		this.jdbc.sql("INSERT INTO issues (workspace_id, " + COLUMNS + """
				) VALUES (:workspace, :id, :subject, :preview, :description, :statusCategory, :priority, :tags,
				:customerName, :customerEmail, :customerCompany, :sourceChannel, :sourceConversationId, :createdAt,
				:updatedAt, :lastActivityAt, :closedAt)
				""")
			.param("workspace", workspace.value())
			.param("id", issue.id().value())
			.param("subject", issue.subject())
			.param("preview", issue.preview())
			.param("description", issue.description())
			.param("statusCategory", issue.statusCategory().wireName())
			.param("priority", issue.priority())
			.param("tags", issue.tags().toArray(String[]::new))
			.param("customerName", issue.customer().name())
			.param("customerEmail", issue.customer().email())
			.param("customerCompany", issue.customer().company())
			.param("sourceChannel", issue.source().channel())
			.param("sourceConversationId",
					(issue.source().conversationId() != null) ? issue.source().conversationId().value() : null)
			.param("createdAt", Timestamps.toSql(issue.createdAt()))
			.param("updatedAt", Timestamps.toSql(issue.updatedAt()))
			.param("lastActivityAt", Timestamps.toSql(issue.lastActivityAt()))
			.param("closedAt", Timestamps.toSql(issue.closedAt()))
			.update();
	}

	@Override
	public Optional<Issue> find(WorkspaceId workspace, IssueId id) {
		return byId(workspace, id, "");
	}

	@Override
	public Optional<Issue> findForUpdate(WorkspaceId workspace, IssueId id) {
		return byId(workspace, id, " FOR UPDATE");
	}

	private Optional<Issue> byId(WorkspaceId workspace, IssueId id, String locking) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM issues WHERE workspace_id = :workspace AND issue_id = :id" + locking)
			.param("workspace", workspace.value())
			.param("id", id.value())
			.query(JdbcIssues::issue)
			.optional();
	}

	@Override
	public void update(WorkspaceId workspace, Issue issue) {
		this.jdbc.sql("""
				UPDATE issues
				SET subject = :subject, preview = :preview, description = :description,
				    status_category = :statusCategory, priority = :priority, tags = :tags,
				    customer_name = :customerName, customer_email = :customerEmail, customer_company = :customerCompany,
				    updated_at = :updatedAt, last_activity_at = :lastActivityAt, closed_at = :closedAt
				WHERE workspace_id = :workspace AND issue_id = :id
				""")
			.param("subject", issue.subject())
			.param("preview", issue.preview())
			.param("description", issue.description())
			.param("statusCategory", issue.statusCategory().wireName())
			.param("priority", issue.priority())
			.param("tags", issue.tags().toArray(String[]::new))
			.param("customerName", issue.customer().name())
			.param("customerEmail", issue.customer().email())
			.param("customerCompany", issue.customer().company())
			.param("updatedAt", Timestamps.toSql(issue.updatedAt()))
			.param("lastActivityAt", Timestamps.toSql(issue.lastActivityAt()))
			.param("closedAt", Timestamps.toSql(issue.closedAt()))
			.param("workspace", workspace.value())
			.param("id", issue.id().value())
			.update();
	}

	@Override
	public List<Issue> list(WorkspaceId workspace, IssueQuery query, int rows) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM issues WHERE workspace_id = :workspace");
		if (query.statusCategory() != null) {
			sql.append(" AND status_category = :statusCategory");
		}
		if (query.priority() != null) {
			sql.append(" AND priority = :priority");
		}
		if (query.customerEmail() != null) {
			sql.append(" AND lower(customer_email) = lower(:customerEmail)");
		}
		if (query.sourceConversationId() != null) {
			sql.append(" AND source_conversation_id = :sourceConversationId");
		}
		if (query.startingAfter() != null) {
			// Keyset paging: resume strictly after the cursor's place in the order.
			sql.append(" AND (last_activity_at, issue_id) < (SELECT last_activity_at, issue_id"
					+ " FROM issues WHERE workspace_id = :workspace AND issue_id = :after)");
		}
		sql.append(" ORDER BY last_activity_at DESC, issue_id DESC ").append(ListLimit.sql(rows));
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("workspace", workspace.value());
		if (query.statusCategory() != null) {
			statement = statement.param("statusCategory", query.statusCategory().wireName());
		}
		if (query.priority() != null) {
			statement = statement.param("priority", query.priority());
		}
		if (query.customerEmail() != null) {
			statement = statement.param("customerEmail", query.customerEmail());
		}
		if (query.sourceConversationId() != null) {
			statement = statement.param("sourceConversationId", query.sourceConversationId().value());
		}
		if (query.startingAfter() != null) {
			statement = statement.param("after", query.startingAfter().value());
		}
		return statement.query(JdbcIssues::issue).list();
	}

	@Override
	public boolean exists(WorkspaceId workspace, IssueId id) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM issues WHERE workspace_id = :workspace AND issue_id = :id)
				""").param("workspace", workspace.value()).param("id", id.value()).query(Boolean.class).single();
	}

	private static Issue issue(ResultSet row, int number) throws SQLException {
		UUID sourceConversation = row.getObject("source_conversation_id", UUID.class);
		IssueSource source = new IssueSource(row.getString("source_channel"),
				(sourceConversation != null) ? new ConversationId(sourceConversation) : null);
		IssueCustomer customer = new IssueCustomer(row.getString("customer_name"), row.getString("customer_email"),
				row.getString("customer_company"));
		Array tags = row.getArray("tags");
		return Issue.restore(new IssueId(row.getObject("issue_id", UUID.class)), row.getString("subject"),
				row.getString("description"),
				IssueStatusCategory.fromWireName(row.getString("status_category")).orElseThrow(),
				row.getString("priority"), Arrays.asList((String[]) tags.getArray()), customer, source,
				Timestamps.fromSql(row, "created_at"), Timestamps.fromSql(row, "updated_at"),
				Timestamps.fromSql(row, "last_activity_at"), Timestamps.fromSql(row, "closed_at"));
	}

}

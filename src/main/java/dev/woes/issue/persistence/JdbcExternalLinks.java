package dev.woes.issue.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.issue.DuplicateExternalLink;
import dev.woes.issue.ExternalLink;
import dev.woes.issue.ExternalLinkId;
import dev.woes.issue.ExternalLinks;
import dev.woes.issue.IssueId;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcExternalLinks implements ExternalLinks {

	private static final String COLUMNS = "link_id, issue_id, provider, key, url, status, created_at, updated_at";

	private final JdbcClient jdbc;

	JdbcExternalLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(WorkspaceId workspace, ExternalLink link) {
		try {
			this.jdbc.sql("INSERT INTO issue_external_links (workspace_id, " + COLUMNS + """
					) VALUES (:workspace, :id, :issue, :provider, :key, :url, :status, :createdAt, :updatedAt)
					""")
				.param("workspace", workspace.value())
				.param("id", link.id().value())
				.param("issue", link.issueId().value())
				.param("provider", link.provider())
				.param("key", link.key())
				.param("url", link.url())
				.param("status", link.status())
				.param("createdAt", Timestamps.toSql(link.createdAt()))
				.param("updatedAt", Timestamps.toSql(link.updatedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateExternalLink();
		}
	}

	@Override
	public Optional<ExternalLink> find(WorkspaceId workspace, IssueId issue, ExternalLinkId id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM issue_external_links"
					+ " WHERE workspace_id = :workspace AND link_id = :id AND issue_id = :issue")
			.param("workspace", workspace.value())
			.param("id", id.value())
			.param("issue", issue.value())
			.query(JdbcExternalLinks::link)
			.optional();
	}

	@Override
	public void update(WorkspaceId workspace, ExternalLink link) {
		try {
			this.jdbc.sql("""
					UPDATE issue_external_links SET key = :key, url = :url, status = :status, updated_at = :updatedAt
					WHERE workspace_id = :workspace AND link_id = :id
					""")
				.param("key", link.key())
				.param("url", link.url())
				.param("status", link.status())
				.param("updatedAt", Timestamps.toSql(link.updatedAt()))
				.param("workspace", workspace.value())
				.param("id", link.id().value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateExternalLink();
		}
	}

	@Override
	public void remove(WorkspaceId workspace, ExternalLink link) {
		this.jdbc.sql("DELETE FROM issue_external_links WHERE workspace_id = :workspace AND link_id = :id")
			.param("workspace", workspace.value())
			.param("id", link.id().value())
			.update();
	}

	@Override
	public List<ExternalLink> ofIssue(WorkspaceId workspace, IssueId issue) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM issue_external_links WHERE workspace_id = :workspace"
					+ " AND issue_id = :issue ORDER BY created_at, link_id")
			.param("workspace", workspace.value())
			.param("issue", issue.value())
			.query(JdbcExternalLinks::link)
			.list();
	}

	private static ExternalLink link(ResultSet row, int number) throws SQLException {
		return new ExternalLink(new ExternalLinkId(row.getObject("link_id", UUID.class)),
				new IssueId(row.getObject("issue_id", UUID.class)), row.getString("provider"), row.getString("key"),
				row.getString("url"), row.getString("status"), Timestamps.fromSql(row, "created_at"),
				Timestamps.fromSql(row, "updated_at"));
	}

}

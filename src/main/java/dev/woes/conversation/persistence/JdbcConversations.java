package dev.woes.conversation.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.woes.conversation.Channel;
import dev.woes.conversation.Conversation;
import dev.woes.conversation.ConversationId;
import dev.woes.conversation.ConversationQuery;
import dev.woes.conversation.ConversationStatus;
import dev.woes.conversation.Conversations;
import dev.woes.conversation.Customer;
import dev.woes.conversation.DuplicateExternalId;
import dev.woes.conversation.MessageSlot;
import dev.woes.shared.ListLimit;
import dev.woes.shared.Timestamps;
import dev.woes.workspace.WorkspaceId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcConversations implements Conversations {

	private static final String COLUMNS = """
			conversation_id, external_id, channel, status, priority, subject, preview, customer_id, customer_name,
			customer_email, customer_company, customer_identity_source, created_at, updated_at, last_message_at,
			closed_at, message_count""";

	private final JdbcClient jdbc;

	/**
	 * For the lists planned per request, whose setting must reach the list's statement: a
	 * transaction bounds it (or the caller's, when there is one).
	 */
	private final TransactionTemplate readOnly;

	JdbcConversations(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Override
	public void add(WorkspaceId workspace, Conversation conversation) {
		try {
			this.jdbc.sql("INSERT INTO conversations (workspace_id, " + COLUMNS + """
					) VALUES (:workspace, :id, :externalId, :channel, :status, :priority, :subject, :preview,
					:customerId, :customerName, :customerEmail, :customerCompany, :identitySource, :createdAt,
					:updatedAt, :lastMessageAt, :closedAt, 0)
					""")
				.param("workspace", workspace.value())
				.param("id", conversation.id().value())
				.param("externalId", conversation.externalId())
				.param("channel", conversation.channel().wireName())
				.param("status", conversation.status().wireName())
				.param("priority", conversation.priority())
				.param("subject", conversation.subject())
				.param("preview", conversation.preview())
				.param("customerId", conversation.customer().id())
				.param("customerName", conversation.customer().name())
				.param("customerEmail", conversation.customer().email())
				.param("customerCompany", conversation.customer().company())
				.param("identitySource", conversation.customer().identitySource())
				.param("createdAt", Timestamps.toSql(conversation.createdAt()))
				.param("updatedAt", Timestamps.toSql(conversation.updatedAt()))
				.param("lastMessageAt", Timestamps.toSql(conversation.lastMessageAt()))
				.param("closedAt", Timestamps.toSql(conversation.closedAt()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DuplicateExternalId();
		}
	}

	@Override
	public Optional<Conversation> find(WorkspaceId workspace, ConversationId id) {
		return byId(workspace, id, "");
	}

	@Override
	public Optional<Conversation> findForUpdate(WorkspaceId workspace, ConversationId id) {
		return byId(workspace, id, " FOR UPDATE");
	}

	private Optional<Conversation> byId(WorkspaceId workspace, ConversationId id, String locking) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM conversations WHERE workspace_id = :workspace AND conversation_id = :id"
					+ locking)
			.param("workspace", workspace.value())
			.param("id", id.value())
			.query(JdbcConversations::conversation)
			.optional();
	}

	@Override
	public void update(WorkspaceId workspace, Conversation conversation) {
		this.jdbc.sql("""
				UPDATE conversations
				SET status = :status, priority = :priority, subject = :subject, preview = :preview,
				    updated_at = :updatedAt, closed_at = :closedAt
				WHERE workspace_id = :workspace AND conversation_id = :id
				""")
			.param("status", conversation.status().wireName())
			.param("priority", conversation.priority())
			.param("subject", conversation.subject())
			.param("preview", conversation.preview())
			.param("updatedAt", Timestamps.toSql(conversation.updatedAt()))
			.param("closedAt", Timestamps.toSql(conversation.closedAt()))
			.param("workspace", workspace.value())
			.param("id", conversation.id().value())
			.update();
	}

	private static final String CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan";

	/**
	 * Answers a list one of three ways: one operator's conversations with one tag by
	 * {@link #taggedInbox}; a list without tag or assignment filters by one statement
	 * outside any transaction (a single round trip); any other in a read-only
	 * transaction, planned for its values.
	 */
	@Override
	public List<Conversation> list(WorkspaceId workspace, ConversationQuery query, int rows) {
		if (query.tag() != null && query.assigneeId() != null && !Boolean.FALSE.equals(query.assigned())) {
			return taggedInbox(workspace, query, rows);
		}
		if (query.tag() == null && query.assigneeId() == null && query.teamId() == null && query.assigned() == null) {
			return inboxOrder(workspace, query, rows);
		}
		return this.readOnly.execute((transaction) -> inboxOrder(workspace, query, rows));
	}

	/**
	 * The list in inbox order with every filter as a condition on the conversation. A tag
	 * or an assignment filter is planned for its values on each request (how common the
	 * tag or the assignee is decides between reading their conversations and walking the
	 * inbox order), a setting that needs the caller's transaction to bound it.
	 */
	private List<Conversation> inboxOrder(WorkspaceId workspace, ConversationQuery query, int rows) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + COLUMNS + " FROM conversations WHERE workspace_id = :workspace");
		appendConversationFilters(sql, query);
		UUID tagId = null;
		if (query.tag() != null) {
			// The tag's id goes in as a value, so the planner weighs how common the tag
			// is: a rare tag's conversations are read from conversation_tags by the
			// index that starts (workspace_id, tag_id), a common one is checked by
			// primary key while walking the inbox order.
			tagId = tagIdForCustomPlans(workspace, query.tag());
			if (tagId == null) {
				return List.of();
			}
			sql.append(" AND EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.workspace_id = :workspace"
					+ " AND ct.tag_id = :tagId AND ct.conversation_id = conversations.conversation_id)");
		}
		// Assignment filters probe conversation_assignments by its primary key or its
		// operator and team indexes, once per candidate row of the inbox order.
		String assignment = " EXISTS (SELECT 1 FROM conversation_assignments a WHERE a.workspace_id = :workspace"
				+ " AND a.conversation_id = conversations.conversation_id";
		if (query.assigneeId() != null) {
			sql.append(" AND").append(assignment).append(" AND a.operator_id = :assigneeId)");
		}
		if (query.teamId() != null) {
			sql.append(" AND").append(assignment).append(" AND a.team_id = :teamId)");
		}
		if (query.assigned() != null) {
			sql.append(query.assigned() ? " AND" : " AND NOT").append(assignment).append(")");
		}
		sql.append(" ORDER BY last_message_at DESC, conversation_id DESC ").append(ListLimit.sql(rows));
		if (tagId == null && (query.assigneeId() != null || query.teamId() != null || query.assigned() != null)) {
			// A generic plan cannot tell how rare the assignee is and joins the whole
			// workspace (about 150 ms on 200,000 conversations) where the custom plan
			// walks the inbox order and probes the assignment indexes (under 10 ms).
			// With a tag, the tag's lookup made the setting.
			this.jdbc.sql(CUSTOM_PLANS).update();
		}
		JdbcClient.StatementSpec statement = bindFilters(this.jdbc.sql(sql.toString()), workspace, query);
		if (tagId != null) {
			statement = statement.param("tagId", tagId);
		}
		return statement.query(JdbcConversations::conversation).list();
	}

	/**
	 * One operator's conversations with one tag (and any further filters), read in inbox
	 * order from the index on the tag rows' copies of their conversation's operator and
	 * last activity (kept by the database, see {@code V94__tagged_inbox.sql}): a range of
	 * that index walked backward, each row's conversation read by primary key, however
	 * many conversations the tag and the operator have. Its one plan serves every tag and
	 * operator, so PostgreSQL reuses a generic plan per connection: no planning per
	 * request and, with the tag looked up inside the statement, one round trip.
	 */
	private List<Conversation> taggedInbox(WorkspaceId workspace, ConversationQuery query, int rows) {
		StringBuilder sql = new StringBuilder("SELECT c.* FROM conversation_tags ct CROSS JOIN LATERAL (SELECT ")
			.append(COLUMNS)
			.append(" FROM conversations WHERE workspace_id = :workspace AND conversation_id = ct.conversation_id");
		appendColumnFilters(sql, query);
		sql.append(
				"""
						) c
						WHERE ct.workspace_id = :workspace
						  AND ct.tag_id = (SELECT tag_id FROM tag_definitions WHERE workspace_id = :workspace AND lower(name) = lower(:tag))
						  AND ct.operator_id = :assigneeId""");
		if (query.teamId() != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM conversation_assignments a WHERE a.workspace_id = :workspace"
					+ " AND a.conversation_id = ct.conversation_id AND a.team_id = :teamId)");
		}
		appendCursor(sql, query, "ct.");
		sql.append(" ORDER BY ct.last_message_at DESC, ct.conversation_id DESC ").append(ListLimit.sql(rows));
		return bindFilters(this.jdbc.sql(sql.toString()), workspace, query).param("tag", query.tag())
			.query(JdbcConversations::conversation)
			.list();
	}

	/**
	 * The filters on the conversation's own columns, and the keyset cursor.
	 */
	private static void appendConversationFilters(StringBuilder sql, ConversationQuery query) {
		appendColumnFilters(sql, query);
		appendCursor(sql, query, "");
	}

	private static void appendColumnFilters(StringBuilder sql, ConversationQuery query) {
		if (query.status() != null) {
			sql.append(" AND status = :status");
		}
		if (query.channel() != null) {
			sql.append(" AND channel = :channel");
		}
		if (query.customerId() != null) {
			sql.append(" AND customer_id = :customerId");
		}
	}

	/**
	 * Keyset paging: resume strictly after the cursor's place in the order, never by
	 * OFFSET; {@code order} qualifies the columns the list is ordered by.
	 */
	private static void appendCursor(StringBuilder sql, ConversationQuery query, String order) {
		if (query.startingAfter() != null) {
			sql.append(" AND (")
				.append(order)
				.append("last_message_at, ")
				.append(order)
				.append("conversation_id) < (SELECT last_message_at, conversation_id"
						+ " FROM conversations WHERE workspace_id = :workspace AND conversation_id = :after)");
		}
	}

	/**
	 * Binds the workspace and every filter of the query but the tag, which each kind of
	 * list passes in its own way.
	 */
	private static JdbcClient.StatementSpec bindFilters(JdbcClient.StatementSpec statement, WorkspaceId workspace,
			ConversationQuery query) {
		statement = statement.param("workspace", workspace.value());
		if (query.status() != null) {
			statement = statement.param("status", query.status().wireName());
		}
		if (query.channel() != null) {
			statement = statement.param("channel", query.channel().wireName());
		}
		if (query.customerId() != null) {
			statement = statement.param("customerId", query.customerId());
		}
		if (query.assigneeId() != null) {
			statement = statement.param("assigneeId", query.assigneeId());
		}
		if (query.teamId() != null) {
			statement = statement.param("teamId", query.teamId());
		}
		if (query.startingAfter() != null) {
			statement = statement.param("after", query.startingAfter().value());
		}
		return statement;
	}

	/**
	 * The tag's id, or {@code null} when the workspace has no such tag; when it has, the
	 * same statement switches the rest of the transaction to custom plans (see
	 * {@link #list}), saving the filtered list a round trip.
	 */
	private UUID tagIdForCustomPlans(WorkspaceId workspace, String name) {
		return this.jdbc.sql("""
				SELECT tag_id, set_config('plan_cache_mode', 'force_custom_plan', true) FROM tag_definitions
				WHERE workspace_id = :workspace AND lower(name) = lower(:name)
				""")
			.param("workspace", workspace.value())
			.param("name", name)
			.query((row, number) -> row.getObject("tag_id", UUID.class))
			.optional()
			.orElse(null);
	}

	@Override
	public boolean exists(WorkspaceId workspace, ConversationId id) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM conversations WHERE workspace_id = :workspace AND conversation_id = :id)
				""").param("workspace", workspace.value()).param("id", id.value()).query(Boolean.class).single();
	}

	@Override
	public Optional<MessageSlot> recordMessage(WorkspaceId workspace, ConversationId id, String preview, Instant at,
			boolean reopens) {
		return this.jdbc.sql("""
				WITH previous AS (
				    SELECT status FROM conversations
				    WHERE workspace_id = :workspace AND conversation_id = :id
				    FOR UPDATE
				)
				UPDATE conversations c
				SET last_message_at = GREATEST(c.last_message_at, :at), updated_at = GREATEST(c.updated_at, :at),
				    preview = :preview, message_count = c.message_count + 1,
				    status = CASE WHEN :reopens AND c.status = 'solved' THEN 'open' ELSE c.status END,
				    closed_at = CASE WHEN :reopens AND c.status = 'solved' THEN NULL ELSE c.closed_at END
				FROM previous
				WHERE c.workspace_id = :workspace AND c.conversation_id = :id
				RETURNING previous.status AS previous_status, c.*
				""")
			.param("at", Timestamps.toSql(at))
			.param("preview", preview)
			.param("reopens", reopens)
			.param("workspace", workspace.value())
			.param("id", id.value())
			.query((row, number) -> {
				Conversation conversation = conversation(row, number);
				return new MessageSlot(conversation.messageCount(), at, conversation,
						ConversationStatus.fromWireName(row.getString("previous_status")).orElseThrow());
			})
			.optional();
	}

	private static Conversation conversation(ResultSet row, int number) throws SQLException {
		Customer customer = new Customer(row.getString("customer_id"), row.getString("customer_name"),
				row.getString("customer_email"), row.getString("customer_company"),
				row.getString("customer_identity_source"));
		return Conversation.restore(new ConversationId(row.getObject("conversation_id", UUID.class)),
				row.getString("external_id"), Channel.fromWireName(row.getString("channel")).orElseThrow(),
				ConversationStatus.fromWireName(row.getString("status")).orElseThrow(), row.getString("priority"),
				row.getString("subject"), row.getString("preview"), customer, Timestamps.fromSql(row, "created_at"),
				Timestamps.fromSql(row, "updated_at"), Timestamps.fromSql(row, "last_message_at"),
				Timestamps.fromSql(row, "closed_at"), row.getLong("message_count"));
	}

}

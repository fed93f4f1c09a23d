package dev.woes.conversation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.woes.database.DatabaseServer;
import dev.woes.support.OperatorApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One operator's conversations with one tag, the inbox view the list serves two ways: in
 * a small workspace by intersecting the tag's and the operator's conversations first, in
 * a workspace of 25,000 conversations or more by walking the inbox order. Both workspaces
 * hold the same 36 conversations; the large one also 25,000 more, interleaved in time,
 * tagged or assigned but never both to the filters' operators. Every filter combination
 * walked page by page gives the same conversations, in the same order, in both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaggedInboxIT extends OperatorApiTest {

	private static final int FILLERS = 25_000;

	private final Map<String, Inbox> inboxes = new HashMap<>();

	@Autowired
	private DatabaseServer database;

	@BeforeAll
	void twoWorkspacesWithTheSameConversations() {
		this.inboxes.put("small", inbox(false));
		this.inboxes.put("large", inbox(true));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "small", "large" })
	void everyFilterGivesTheMatchingConversationsNewestFirstPageByPage(String size) {
		Inbox inbox = this.inboxes.get(size);
		check(inbox, "tag=vip&assigneeId=" + inbox.ada, (c) -> c.tags.contains("vip") && inbox.ada.equals(c.operator));
		check(inbox, "tag=VIP&assigneeId=" + inbox.ada + "&status=open",
				(c) -> c.tags.contains("vip") && inbox.ada.equals(c.operator) && !c.solved);
		check(inbox, "tag=bug&assigneeId=" + inbox.ada + "&teamId=" + inbox.billing,
				(c) -> c.tags.contains("bug") && inbox.ada.equals(c.operator) && inbox.billing.equals(c.team));
		check(inbox, "tag=vip&assigneeId=" + inbox.grace + "&assigned=true",
				(c) -> c.tags.contains("vip") && inbox.grace.equals(c.operator));
		check(inbox, "tag=bug&assigneeId=" + inbox.grace + "&channel=email",
				(c) -> c.tags.contains("bug") && inbox.grace.equals(c.operator) && c.channel.equals("email"));
		check(inbox, "tag=vip&assigneeId=" + inbox.ada + "&customerId=cus_1",
				(c) -> c.tags.contains("vip") && inbox.ada.equals(c.operator) && c.customer.equals("cus_1"));
		check(inbox, "tag=vip&assigneeId=" + inbox.ada + "&assigned=false", (c) -> false);
		check(inbox, "tag=unknown&assigneeId=" + inbox.ada, (c) -> false);
	}

	private void check(Inbox inbox, String filter, Predicate<Made> matching) {
		List<String> expected = inbox.made.stream()
			.filter(matching)
			.sorted(Comparator.comparing((Made c) -> c.lastMessageAt).thenComparing((c) -> c.id).reversed())
			.map((c) -> c.id)
			.toList();
		List<String> walked = walkPages(inbox.key, "/api/v1/conversations?limit=3&" + filter, "conversations", 3)
			.stream()
			.flatMap((page) -> page.ids("conversations").stream())
			.toList();
		assertThat(walked).as(filter).isEqualTo(expected);
		if (!expected.isEmpty()) {
			assertThat(get(inbox.key, "/api/v1/conversations?" + filter).ids("conversations")).as(filter)
				.isEqualTo(expected);
		}
	}

	private Inbox inbox(boolean large) {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		String hopper = createOperator(tenant, "Hopper");
		String billing = createTeam(tenant, "Billing", ada);
		List<Made> made = new ArrayList<>();
		for (int i = 0; i < 36; i++) {
			String channel = (i % 2 == 0) ? "api" : "email";
			String customer = "cus_" + (i % 3);
			Reply created = post(tenant.key(), "/api/v1/conversations", "{\"channel\": \"" + channel
					+ "\", \"subject\": \"Case " + i + "\", \"customer\": {\"id\": \"" + customer + "\"}}");
			assertThat(created.status()).isEqualTo(201);
			String id = created.json().at("/conversation/id").asString();
			String operator = switch (i % 4) {
				case 0, 1 -> ada;
				case 2 -> grace;
				default -> null;
			};
			String team = (i % 4 == 1) ? billing : null;
			if (operator != null) {
				assertThat(
						put(tenant, "/api/v1/conversations/" + id + "/assignment",
								"{\"operatorId\": \"" + operator + "\""
										+ ((team != null) ? ", \"teamId\": \"" + team + "\"" : "") + "}"))
					.isEqualTo(200);
			}
			List<String> tags = switch (i % 3) {
				case 0 -> List.of("vip");
				case 1 -> List.of("vip", "bug");
				default -> List.of("bug");
			};
			for (String tag : tags) {
				assertThat(post(tenant.key(), "/api/v1/conversations/" + id + "/tags", "{\"name\": \"" + tag + "\"}")
					.status()).isEqualTo(200);
			}
			if (i % 5 == 0) {
				assertThat(patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"solved\"}").status())
					.isEqualTo(200);
			}
			if (i % 7 == 0) {
				postMessage(tenant, id, "Still there?");
			}
			JsonNode stored = get(tenant.key(), "/api/v1/conversations/" + id).json().path("conversation");
			// A customer's message reopened those of the solved ones it came to.
			boolean solved = stored.path("status").asString().equals("solved");
			made.add(new Made(id, channel, customer, operator, team, tags, solved,
					stored.path("lastMessageAt").asString()));
		}
		if (large) {
			addFillers(tenant, hopper, grace);
		}
		return new Inbox(tenant.key(), ada, grace, billing, made);
	}

	/**
	 * 25,000 conversations over the last 25 seconds, interleaved with the 36: two in
	 * three tagged vip or bug, one in three assigned to Hopper and one in six to Grace,
	 * none both tagged and assigned to Ada or Grace.
	 */
	private void addFillers(Tenant tenant, String hopper, String grace) {
		Object workspace = tenant.workspace().id().value();
		this.jdbc.sql("""
				INSERT INTO conversations (workspace_id, conversation_id, channel, status, priority, subject, preview,
				    customer_id, customer_name, customer_company, customer_identity_source, created_at, updated_at,
				    last_message_at)
				SELECT :workspace, gen_random_uuid(), 'email', 'open', 'medium', 'Filler ' || i, '', 'cus_1', '', '',
				    'api', now(), now(), date_trunc('milliseconds', clock_timestamp()) - i * interval '1 millisecond'
				FROM generate_series(1, :fillers) AS i
				""").param("workspace", workspace).param("fillers", FILLERS).update();
		this.jdbc.sql("""
				INSERT INTO conversation_tags (workspace_id, conversation_id, tag_id, added_at)
				SELECT c.workspace_id, c.conversation_id, d.tag_id, now()
				FROM (SELECT workspace_id, conversation_id, row_number() OVER (ORDER BY conversation_id) AS n
				      FROM conversations WHERE workspace_id = :workspace AND subject LIKE 'Filler %') c
				JOIN tag_definitions d ON d.workspace_id = c.workspace_id
				    AND d.name = CASE WHEN c.n % 4 = 0 THEN 'vip' ELSE 'bug' END
				WHERE c.n % 2 = 0 OR c.n % 3 = 0
				""").param("workspace", workspace).update();
		this.jdbc.sql("""
				INSERT INTO conversation_assignments (workspace_id, conversation_id, operator_id, assigned_at)
				SELECT c.workspace_id, c.conversation_id, CASE WHEN c.n % 3 = 0 THEN :hopper ELSE :grace END, now()
				FROM (SELECT workspace_id, conversation_id, row_number() OVER (ORDER BY conversation_id) AS n
				      FROM conversations WHERE workspace_id = :workspace AND subject LIKE 'Filler %') c
				WHERE c.n % 3 = 0 OR (c.n % 2 = 1 AND c.n % 3 = 1)
				""")
			.param("workspace", workspace)
			.param("hopper", UUID.fromString(hopper))
			.param("grace", UUID.fromString(grace))
			.update();
		// As autovacuum would after such a load: the plans made per request in a large
		// workspace weigh the tag and the operator with these statistics.
		try (Connection owner = DriverManager.getConnection(this.database.jdbcUrl(), this.database.migrationUsername(),
				this.database.migrationPassword()); Statement analyze = owner.createStatement()) {
			analyze.execute("ANALYZE conversations, conversation_tags, conversation_assignments");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int put(Tenant tenant, String path, String body) {
		return send(tenant.key(), "PUT", path, body).status();
	}

	private record Inbox(String key, String ada, String grace, String billing, List<Made> made) {
	}

	private record Made(String id, String channel, String customer, String operator, String team, List<String> tags,
			boolean solved, String lastMessageAt) {
	}

}

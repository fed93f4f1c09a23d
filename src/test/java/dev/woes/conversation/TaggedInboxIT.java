package dev.woes.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import dev.woes.support.OperatorApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One operator's conversations with one tag, the inbox view the list reads from the tag
 * rows' copies of their conversation's operator and last activity. The copies must follow
 * every change of their sources: messages that move a conversation up, assignments given,
 * changed and removed, tags added before and after an assignment, removed and replaced,
 * and all of these at once on the same conversations. The expected pages are worked out
 * from what the API answers for each conversation, never from the copies.
 */
class TaggedInboxIT extends OperatorApiTest {

	@Test
	void everyFilterGivesTheMatchingConversationsNewestFirstPageByPageAfterEveryKindOfChange() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		String billing = createTeam(tenant, "Billing", ada, grace);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 36; i++) {
			String channel = (i % 2 == 0) ? "api" : "email";
			Reply created = post(tenant.key(), "/api/v1/conversations", "{\"channel\": \"" + channel
					+ "\", \"subject\": \"Case " + i + "\", \"customer\": {\"id\": \"cus_" + (i % 3) + "\"}}");
			assertThat(created.status()).isEqualTo(201);
			String id = created.json().at("/conversation/id").asString();
			ids.add(id);
			List<String> tags = switch (i % 3) {
				case 0 -> List.of("vip");
				case 1 -> List.of("vip", "bug");
				default -> List.of("bug");
			};
			String operator = switch (i % 4) {
				case 0, 1 -> ada;
				case 2 -> grace;
				default -> null;
			};
			// Half are tagged before they are assigned, half after.
			if (i % 2 == 0) {
				tag(tenant, id, tags);
			}
			if (operator != null) {
				assign(tenant, id, operator, (i % 4 == 1) ? billing : null);
			}
			if (i % 2 == 1) {
				tag(tenant, id, tags);
			}
			if (i % 5 == 0) {
				assertThat(patch(tenant.key(), "/api/v1/conversations/" + id, "{\"status\": \"solved\"}").status())
					.isEqualTo(200);
			}
		}
		// Then the inbox moves: customers write (the oldest first, so they overtake the
		// newer ones), conversations change hands or lose them, tags go and get replaced.
		for (int i = 0; i < 36; i++) {
			String id = ids.get(i);
			if (i % 7 == 0) {
				postMessage(tenant, id, "Still there?");
			}
			if (i % 8 == 0) {
				assign(tenant, id, grace, null);
			}
			if (i % 9 == 4) {
				assertThat(send(tenant.key(), "DELETE", "/api/v1/conversations/" + id + "/assignment", null).status())
					.isEqualTo(204);
			}
			if (i % 6 == 1) {
				String bug = get(tenant.key(), "/api/v1/conversations/" + id + "/tags").json()
					.path("tags")
					.valueStream()
					.filter((tag) -> tag.path("name").asString().equals("bug"))
					.findFirst()
					.orElseThrow()
					.path("id")
					.asString();
				assertThat(send(tenant.key(), "DELETE", "/api/v1/conversations/" + id + "/tags/" + bug, null).status())
					.isEqualTo(200);
			}
			if (i % 10 == 3) {
				assertThat(send(tenant.key(), "PUT", "/api/v1/conversations/" + id + "/tags", "{\"names\": [\"vip\"]}")
					.status()).isEqualTo(200);
			}
		}
		List<Seen> seen = ids.stream().map((id) -> seen(tenant, id)).toList();
		assertThat(seen).anyMatch((c) -> c.tags.contains("vip") && ada.equals(c.operator))
			.anyMatch((c) -> c.tags.contains("bug") && grace.equals(c.operator));

		check(tenant, seen, "tag=vip&assigneeId=" + ada, (c) -> c.tags.contains("vip") && ada.equals(c.operator));
		check(tenant, seen, "tag=VIP&assigneeId=" + ada + "&status=open",
				(c) -> c.tags.contains("vip") && ada.equals(c.operator) && c.status.equals("open"));
		check(tenant, seen, "tag=bug&assigneeId=" + ada + "&teamId=" + billing,
				(c) -> c.tags.contains("bug") && ada.equals(c.operator) && billing.equals(c.team));
		check(tenant, seen, "tag=vip&assigneeId=" + grace + "&assigned=true",
				(c) -> c.tags.contains("vip") && grace.equals(c.operator));
		check(tenant, seen, "tag=bug&assigneeId=" + grace + "&channel=email",
				(c) -> c.tags.contains("bug") && grace.equals(c.operator) && c.channel.equals("email"));
		check(tenant, seen, "tag=vip&assigneeId=" + ada + "&customerId=cus_1",
				(c) -> c.tags.contains("vip") && ada.equals(c.operator) && c.customer.equals("cus_1"));
		check(tenant, seen, "tag=vip&assigneeId=" + ada + "&assigned=false", (c) -> false);
		check(tenant, seen, "tag=unknown&assigneeId=" + ada, (c) -> false);
		assertThat(staleCopies()).isZero();
	}

	@Test
	void changesToTheSameConversationsAtOnceLeaveNoCopyBehind() {
		Tenant tenant = newTenant();
		String ada = createOperator(tenant, "Ada");
		String grace = createOperator(tenant, "Grace");
		List<String> ids = List.of(openConversation(tenant, "cus_1", "One"), openConversation(tenant, "cus_2", "Two"),
				openConversation(tenant, "cus_3", "Three"));
		List<Callable<Integer>> changes = new ArrayList<>();
		for (int round = 0; round < 8; round++) {
			for (String id : ids) {
				String operator = (round % 2 == 0) ? ada : grace;
				String tag = "t" + (round % 3);
				changes
					.add(() -> post(tenant.key(), "/api/v1/conversations/" + id + "/messages", "{\"body\": \"More\"}")
						.status());
				changes.add(() -> send(tenant.key(), "PUT", "/api/v1/conversations/" + id + "/assignment",
						"{\"operatorId\": \"" + operator + "\"}")
					.status());
				changes.add(
						() -> post(tenant.key(), "/api/v1/conversations/" + id + "/tags", "{\"name\": \"" + tag + "\"}")
							.status());
			}
		}
		assertThat(atOnce(changes)).allMatch((status) -> status == 200 || status == 201);
		assertThat(staleCopies()).isZero();
		for (String id : ids) {
			Seen conversation = seen(tenant, id);
			for (String tag : conversation.tags) {
				assertThat(
						get(tenant.key(), "/api/v1/conversations?tag=" + tag + "&assigneeId=" + conversation.operator)
							.ids("conversations"))
					.contains(id);
			}
		}
	}

	private void check(Tenant tenant, List<Seen> seen, String filter, Predicate<Seen> matching) {
		List<String> expected = seen.stream()
			.filter(matching)
			.sorted(Comparator.comparing((Seen c) -> c.lastMessageAt).thenComparing((c) -> c.id).reversed())
			.map((c) -> c.id)
			.toList();
		List<String> walked = walkPages(tenant.key(), "/api/v1/conversations?limit=3&" + filter, "conversations", 3)
			.stream()
			.flatMap((page) -> page.ids("conversations").stream())
			.toList();
		assertThat(walked).as(filter).isEqualTo(expected);
		if (!expected.isEmpty()) {
			assertThat(get(tenant.key(), "/api/v1/conversations?" + filter).ids("conversations")).as(filter)
				.isEqualTo(expected);
		}
	}

	/**
	 * A conversation as the API shows it: its own fields, its assignment and its tags.
	 */
	private Seen seen(Tenant tenant, String id) {
		JsonNode conversation = get(tenant.key(), "/api/v1/conversations/" + id).json().path("conversation");
		Reply assignment = get(tenant.key(), "/api/v1/conversations/" + id + "/assignment");
		JsonNode assigned = assignment.json().path("assignment");
		List<String> tags = get(tenant.key(), "/api/v1/conversations/" + id + "/tags").json()
			.path("tags")
			.valueStream()
			.map((tag) -> tag.path("name").asString())
			.toList();
		return new Seen(id, conversation.path("channel").asString(),
				conversation.path("customer").path("id").asString(), conversation.path("status").asString(),
				conversation.path("lastMessageAt").asString(), text(assigned.path("operatorId")),
				text(assigned.path("teamId")), tags);
	}

	private static String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/**
	 * Tag rows whose copy of the operator or of the last activity differs from its
	 * source.
	 */
	private int staleCopies() {
		return this.jdbc.sql("""
				SELECT count(*) FROM conversation_tags ct
				JOIN conversations c ON c.workspace_id = ct.workspace_id AND c.conversation_id = ct.conversation_id
				LEFT JOIN conversation_assignments a
				    ON a.workspace_id = ct.workspace_id AND a.conversation_id = ct.conversation_id
				WHERE ct.last_message_at <> c.last_message_at OR ct.operator_id IS DISTINCT FROM a.operator_id
				""").query(Integer.class).single();
	}

	private void tag(Tenant tenant, String id, List<String> names) {
		for (String name : names) {
			assertThat(post(tenant.key(), "/api/v1/conversations/" + id + "/tags", "{\"name\": \"" + name + "\"}")
				.status()).isEqualTo(200);
		}
	}

	private void assign(Tenant tenant, String id, String operator, String team) {
		assertThat(
				send(tenant.key(), "PUT", "/api/v1/conversations/" + id + "/assignment",
						"{\"operatorId\": \"" + operator + "\""
								+ ((team != null) ? ", \"teamId\": \"" + team + "\"" : "") + "}")
					.status())
			.isEqualTo(200);
	}

	private record Seen(String id, String channel, String customer, String status, String lastMessageAt,
			String operator, String team, List<String> tags) {
	}

}

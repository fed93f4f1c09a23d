package dev.woes.definition;

import java.util.List;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Priorities: the four defaults, management, and the conversation's free priority label.
 */
class PrioritiesIT extends ApiTest {

	@Test
	void aNewWorkspaceHasUrgentHighMediumAndLowInRankOrder() {
		Tenant tenant = newTenant("definitions:read");

		Reply list = get(tenant.key(), "/api/v1/priorities");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.fieldNames("")).containsExactly("object", "hasMore", "priorities");
		List<JsonNode> priorities = list.json().path("priorities").valueStream().toList();
		assertThat(priorities).extracting((priority) -> priority.path("label").asString())
			.containsExactly("urgent", "high", "medium", "low");
		assertThat(list.fieldNames("/priorities/0")).containsExactly("object", "id", "label", "enabled",
				"highlightInQueue", "rank", "tone", "color");
		assertThat(priorities.get(0).path("highlightInQueue").asBoolean()).isTrue();
		assertThat(priorities.get(3).path("highlightInQueue").asBoolean()).isFalse();
		assertThat(get(tenant.key(), "/api/v1/priorities").json().path("priorities")).hasSize(4);
	}

	@Test
	void createsUpdatesAndDeletesAPriority() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/priorities",
				"{\"label\": \"critical\", \"highlightInQueue\": true, \"rank\": 0, \"tone\": \"danger\", \"color\": \"#FF0000\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().at("/priority/id").asString();
		assertThat(get(tenant.key(), "/api/v1/priorities").json().at("/priorities/0/label").asString())
			.isEqualTo("critical");

		Reply updated = patch(tenant.key(), "/api/v1/priorities/" + id, "{\"label\": \"blocker\", \"enabled\": false}");
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().at("/priority/label").asString()).isEqualTo("blocker");
		assertThat(updated.json().at("/priority/enabled").asBoolean()).isFalse();
		assertThat(updated.json().at("/priority/highlightInQueue").asBoolean()).isTrue();

		assertThat(send(tenant.key(), "DELETE", "/api/v1/priorities/" + id, null).status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/priorities/" + id).status()).isEqualTo(404);
	}

	@Test
	void refusesDuplicateLabelsBadShapesAndEmptyPatches() {
		Tenant tenant = newTenant();
		Reply duplicate = post(tenant.key(), "/api/v1/priorities", "{\"label\": \"URGENT\"}");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().path("error").asString()).contains("URGENT");

		assertThat(post(tenant.key(), "/api/v1/priorities", "{\"label\": \"x\", \"tone\": \"loud\"}").json()
			.path("error")
			.asString()).startsWith("tone");
		assertThat(post(tenant.key(), "/api/v1/priorities", "{\"label\": \"x\", \"color\": \"red\"}").status())
			.isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/priorities", "{\"label\": \"x\", \"rank\": -1}").status())
			.isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/priorities", "{\"label\": \"x\", \"size\": 1}").status()).isEqualTo(400);
		String id = get(tenant.key(), "/api/v1/priorities").json().at("/priorities/0/id").asString();
		assertThat(patch(tenant.key(), "/api/v1/priorities/" + id, "{}").status()).isEqualTo(400);
		Reply nullLabel = patch(tenant.key(), "/api/v1/priorities/" + id, "{\"label\": null}");
		assertThat(nullLabel.status()).isEqualTo(400);
		assertThat(nullLabel.json().path("error").asString()).contains("label");
		assertThat(get(tenant.key(), "/api/v1/priorities/not-a-uuid").status()).isEqualTo(404);
	}

	@Test
	void managementNeedsDefinitionsWriteAndReadingNeedsDefinitionsRead() {
		Tenant reader = newTenant("definitions:read");
		assertThat(post(reader.key(), "/api/v1/priorities", "{\"label\": \"x\"}").status()).isEqualTo(403);
		Tenant other = newTenant("conversations:read");
		assertThat(get(other.key(), "/api/v1/priorities").status()).isEqualTo(403);
	}

	@Test
	void aConversationMayStillCarryAPriorityNoDefinitionNames() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Slow export");

		Reply changed = patch(tenant.key(), "/api/v1/conversations/" + id, "{\"priority\": \"whenever\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().at("/conversation/priority").asString()).isEqualTo("whenever");
	}

}

package dev.woes.definition;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom field definitions: types, options and management.
 */
class CustomFieldsIT extends ApiTest {

	@Test
	void createsListsUpdatesAndDeletesFields() {
		Tenant tenant = newTenant();
		Reply created = post(tenant.key(), "/api/v1/custom-fields",
				"{\"label\": \"Plan\", \"type\": \"select\", \"options\": [\"free\", \"pro\"], \"fillMode\": \"customer\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.fieldNames("/customField")).containsExactly("object", "id", "label", "type", "enabled",
				"fillMode", "description", "options");
		assertThat(created.json().at("/customField/object").asString()).isEqualTo("custom_field");
		assertThat(created.json().at("/customField/enabled").asBoolean()).isTrue();
		String id = created.json().at("/customField/id").asString();
		post(tenant.key(), "/api/v1/custom-fields", "{\"label\": \"Seats\", \"type\": \"number\"}");

		Reply list = get(tenant.key(), "/api/v1/custom-fields");
		assertThat(list.fieldNames("")).containsExactly("object", "hasMore", "customFields");
		assertThat(list.json().path("customFields").valueStream().map((field) -> field.path("label").asString()))
			.containsExactly("Plan", "Seats");
		assertThat(list.json().at("/customFields/1/options")).isEmpty();

		Reply updated = patch(tenant.key(), "/api/v1/custom-fields/" + id,
				"{\"options\": [\"free\", \"pro\", \"enterprise\"], \"enabled\": false}");
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().at("/customField/options")).hasSize(3);
		assertThat(updated.json().at("/customField/enabled").asBoolean()).isFalse();
		assertThat(patch(tenant.key(), "/api/v1/custom-fields/" + id, "{\"type\": \"text\"}").json()
			.path("error")
			.asString()).isEqualTo("Unknown field: type.");

		assertThat(send(tenant.key(), "DELETE", "/api/v1/custom-fields/" + id, null).status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/custom-fields/" + id).status()).isEqualTo(404);
	}

	@Test
	void refusesOptionsThatDoNotFitTheTypeAndBadShapes() {
		Tenant tenant = newTenant();
		assertThat(post(tenant.key(), "/api/v1/custom-fields", "{\"label\": \"Plan\", \"type\": \"select\"}").json()
			.path("error")
			.asString()).isEqualTo("options must list at least one choice for a select field.");
		assertThat(post(tenant.key(), "/api/v1/custom-fields",
				"{\"label\": \"Seats\", \"type\": \"number\", \"options\": [\"1\"]}")
			.json()
			.path("error")
			.asString()).isEqualTo("options are only allowed on select and multi-select fields.");
		assertThat(post(tenant.key(), "/api/v1/custom-fields",
				"{\"label\": \"Plan\", \"type\": \"select\", \"options\": [\"a\", \"a\"]}")
			.status()).isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/custom-fields", "{\"label\": \"Plan\", \"type\": \"color\"}").status())
			.isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/custom-fields",
				"{\"label\": \"Plan\", \"type\": \"text\", \"fillMode\": \"magic\"}")
			.status()).isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/custom-fields", "{\"type\": \"text\"}").status()).isEqualTo(400);
		assertThat(post(tenant.key(), "/api/v1/custom-fields", "{\"label\": \"A\", \"type\": \"text\"}").status())
			.isEqualTo(201);
		assertThat(post(tenant.key(), "/api/v1/custom-fields", "{\"label\": \"a\", \"type\": \"url\"}").status())
			.isEqualTo(409);
		assertThat(get(tenant.key(), "/api/v1/custom-fields").json().path("customFields")).hasSize(1);
	}

}

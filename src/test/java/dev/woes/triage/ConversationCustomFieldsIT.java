package dev.woes.triage;

import java.util.UUID;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation's custom field values: keyed by field id, checked against the field's
 * type and options, cleared with null.
 */
class ConversationCustomFieldsIT extends ApiTest {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void storesAValueOfEveryTypeAndClearsItWithNull() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Upgrade");
		String text = field(tenant, "{\"label\": \"Note\", \"type\": \"text\"}");
		String number = field(tenant, "{\"label\": \"Seats\", \"type\": \"number\"}");
		String decimal = field(tenant, "{\"label\": \"MRR\", \"type\": \"decimal\"}");
		String select = field(tenant, "{\"label\": \"Plan\", \"type\": \"select\", \"options\": [\"free\", \"pro\"]}");
		String multi = field(tenant,
				"{\"label\": \"Areas\", \"type\": \"multi-select\", \"options\": [\"api\", \"ui\", \"docs\"]}");
		String bool = field(tenant, "{\"label\": \"Churn risk\", \"type\": \"boolean\"}");
		String date = field(tenant, "{\"label\": \"Renewal\", \"type\": \"date\"}");
		String url = field(tenant, "{\"label\": \"CRM\", \"type\": \"url\"}");

		Reply set = patch(tenant.key(), values(id),
				"{\"" + text + "\": \"Wants SSO\", \"" + number + "\": 12, \"" + decimal + "\": 99.5, \"" + select
						+ "\": \"pro\", \"" + multi + "\": [\"api\", \"docs\"], \"" + bool + "\": true, \"" + date
						+ "\": \"2026-12-31\", \"" + url + "\": \"https://crm.example.com/a/1\"}");

		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.fieldNames("/customFieldValues")).containsExactly("object", "conversationId", "values");
		JsonNode stored = get(tenant.key(), values(id)).json().at("/customFieldValues/values");
		assertThat(stored.path(text).asString()).isEqualTo("Wants SSO");
		assertThat(stored.path(number).asInt()).isEqualTo(12);
		assertThat(stored.path(decimal).asDouble()).isEqualTo(99.5);
		assertThat(stored.path(select).asString()).isEqualTo("pro");
		assertThat(stored.path(multi).valueStream().map(JsonNode::asString)).containsExactly("api", "docs");
		assertThat(stored.path(bool).asBoolean()).isTrue();
		assertThat(stored.path(date).asString()).isEqualTo("2026-12-31");
		assertThat(stored.path(url).asString()).isEqualTo("https://crm.example.com/a/1");

		Reply cleared = patch(tenant.key(), values(id), "{\"" + text + "\": null}");
		assertThat(cleared.json().at("/customFieldValues/values").has(text)).isFalse();
		assertThat(cleared.json().at("/customFieldValues/values").has(number)).as("others keep their values").isTrue();
		assertThat(eventCount(tenant, id)).isEqualTo(2);
	}

	@Test
	void refusesAValueThatDoesNotFitItsFieldNamingTheField() {
		Tenant tenant = newTenant();
		String id = openConversation(tenant, "cus_1", "Upgrade");
		String number = field(tenant, "{\"label\": \"Seats\", \"type\": \"number\"}");
		String select = field(tenant, "{\"label\": \"Plan\", \"type\": \"select\", \"options\": [\"free\", \"pro\"]}");
		String date = field(tenant, "{\"label\": \"Renewal\", \"type\": \"date\"}");
		String url = field(tenant, "{\"label\": \"CRM\", \"type\": \"url\"}");

		Reply wrongType = patch(tenant.key(), values(id), "{\"" + number + "\": \"twelve\"}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().path("error").asString())
			.isEqualTo("Custom field " + number + " (Seats) must be a whole number.");
		assertThat(patch(tenant.key(), values(id), "{\"" + number + "\": 1.5}").status()).isEqualTo(400);
		String decimal = field(tenant, "{\"label\": \"MRR\", \"type\": \"decimal\"}");
		assertThat(patch(tenant.key(), values(id), "{\"" + decimal + "\": 1e400}").status()).isEqualTo(400);
		assertThat(patch(tenant.key(), values(id), "{\"" + select + "\": \"gold\"}").json().path("error").asString())
			.contains("(Plan) must be one of free, pro");
		assertThat(patch(tenant.key(), values(id), "{\"" + date + "\": \"2026-02-30\"}").status()).isEqualTo(400);
		assertThat(patch(tenant.key(), values(id), "{\"" + url + "\": \"javascript:alert(1)\"}").status())
			.isEqualTo(400);
		assertThat(patch(tenant.key(), values(id), "{\"" + number + "\": 3, \"" + select + "\": \"gold\"}").status())
			.as("nothing of a refused body is stored")
			.isEqualTo(400);

		assertThat(get(tenant.key(), values(id)).json().at("/customFieldValues/values").isEmpty()).isTrue();
		assertThat(eventCount(tenant, id)).isZero();
	}

	@Test
	void refusesUnknownAndDisabledFieldsAndEmptyBodies() {
		Tenant tenant = newTenant();
		Tenant stranger = newTenant();
		String id = openConversation(tenant, "cus_1", "Upgrade");
		String disabled = field(tenant, "{\"label\": \"Old\", \"type\": \"text\"}");
		patch(tenant.key(), values(id), "{\"" + disabled + "\": \"kept\"}");
		patch(tenant.key(), "/api/v1/custom-fields/" + disabled, "{\"enabled\": false}");
		String foreign = field(stranger, "{\"label\": \"Theirs\", \"type\": \"text\"}");

		assertThat(patch(tenant.key(), values(id), "{\"" + disabled + "\": \"x\"}").json().path("error").asString())
			.isEqualTo("Custom field " + disabled + " (Old) is disabled.");
		Reply unknown = patch(tenant.key(), values(id), "{\"" + foreign + "\": \"x\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().path("error").asString()).contains("is not a custom field of this workspace");
		assertThat(patch(tenant.key(), values(id), "{\"plan\": \"x\"}").status()).isEqualTo(400);
		assertThat(patch(tenant.key(), values(id), "{}").status()).isEqualTo(400);
		assertThat(patch(tenant.key(), values(id), "[]").status()).isEqualTo(400);

		assertThat(get(tenant.key(), values(id)).json().at("/customFieldValues/values").has(disabled))
			.as("a disabled field's value is not shown")
			.isFalse();
		patch(tenant.key(), "/api/v1/custom-fields/" + disabled, "{\"enabled\": true}");
		assertThat(get(tenant.key(), values(id)).json().at("/customFieldValues/values/" + disabled).asString())
			.isEqualTo("kept");
	}

	private String field(Tenant tenant, String body) {
		Reply created = post(tenant.key(), "/api/v1/custom-fields", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().at("/customField/id").asString();
	}

	private static String values(String conversationId) {
		return "/api/v1/conversations/" + conversationId + "/custom-fields";
	}

	private int eventCount(Tenant tenant, String id) {
		return this.jdbc.sql("""
				SELECT count(*) FROM events WHERE workspace_id = :w AND subject_id = :id
				AND type = 'conversation.custom_fields.updated'
				""")
			.param("w", tenant.workspace().id().value())
			.param("id", UUID.fromString(id))
			.query(Integer.class)
			.single();
	}

}

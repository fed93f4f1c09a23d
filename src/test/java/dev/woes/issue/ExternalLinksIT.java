package dev.woes.issue;

import java.util.List;
import java.util.Map;

import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an issue is tracked elsewhere: links are added, changed and removed, unique per
 * provider and key on an issue, capped at 50, and every change is an event.
 */
class ExternalLinksIT extends ApiTest {

	private static final String LINEAR = """
			{"provider": "linear", "key": "ENG-123", "url": "https://linear.app/acme/issue/ENG-123", "status": "Todo"}""";

	@Autowired
	private JdbcClient jdbc;

	@Test
	void addsChangesAndRemovesALink() throws InterruptedException {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Tracked");

		Thread.sleep(5);
		Reply added = post(tenant.key(), "/api/v1/issues/" + issue + "/external-links", LINEAR);

		assertThat(added.status()).isEqualTo(201);
		assertThat(added.fieldNames("")).containsExactly("externalLink");
		assertThat(added.fieldNames("/externalLink")).containsExactly("object", "id", "issueId", "provider", "key",
				"url", "status", "createdAt", "updatedAt");
		JsonNode link = added.json().path("externalLink");
		String linkId = link.path("id").asString();
		assertThat(link.path("object").asString()).isEqualTo("external_link");
		assertThat(link.path("issueId").asString()).isEqualTo(issue);
		assertThat(link.path("provider").asString()).isEqualTo("linear");
		assertThat(link.path("key").asString()).isEqualTo("ENG-123");
		assertThat(link.path("url").asString()).isEqualTo("https://linear.app/acme/issue/ENG-123");
		assertThat(link.path("status").asString()).isEqualTo("Todo");
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/external-links/" + linkId).json())
			.isEqualTo(added.json());
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue).json().at("/issue/lastActivityAt").asString())
			.isEqualTo(link.path("createdAt").asString());

		Reply changed = patch(tenant.key(), "/api/v1/issues/" + issue + "/external-links/" + linkId,
				"{\"status\": \"In Progress\", \"key\": \"ENG-124\", \"url\": \"https://linear.app/acme/issue/ENG-124\"}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().at("/externalLink/status").asString()).isEqualTo("In Progress");
		assertThat(changed.json().at("/externalLink/key").asString()).isEqualTo("ENG-124");
		assertThat(changed.json().at("/externalLink/provider").asString()).isEqualTo("linear");

		Reply cleared = patch(tenant.key(), "/api/v1/issues/" + issue + "/external-links/" + linkId,
				"{\"status\": null}");
		assertThat(cleared.json().at("/externalLink/status").isNull()).isTrue();
		assertThat(cleared.json().at("/externalLink/key").asString()).isEqualTo("ENG-124");

		Reply list = get(tenant.key(), "/api/v1/issues/" + issue + "/external-links");
		assertThat(list.fieldNames("")).containsExactly("object", "hasMore", "externalLinks");
		assertThat(list.json().path("externalLinks")).hasSize(1);
		assertThat(list.json().at("/externalLinks/0")).isEqualTo(cleared.json().path("externalLink"));

		Reply removed = send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/external-links/" + linkId, null);
		assertThat(removed.status()).isEqualTo(204);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/external-links").json().path("externalLinks"))
			.isEmpty();
		assertThat(send(tenant.key(), "DELETE", "/api/v1/issues/" + issue + "/external-links/" + linkId, null).status())
			.isEqualTo(404);

		List<Map<String, Object>> events = eventsOf(tenant);
		assertThat(events).extracting((row) -> row.get("type"))
			.containsExactly("issue.created", "issue.external_link.added", "issue.external_link.updated",
					"issue.external_link.updated", "issue.external_link.removed");
		assertThat(JSON.readTree((String) events.get(1).get("data"))).isEqualTo(link);
	}

	@Test
	void anIssueLinksAProvidersKeyOnceComparingKeysWithoutCase() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Tracked");
		String other = createIssue(tenant, "Tracked");
		assertThat(post(tenant.key(), "/api/v1/issues/" + issue + "/external-links", LINEAR).status()).isEqualTo(201);

		Reply duplicate = post(tenant.key(), "/api/v1/issues/" + issue + "/external-links",
				LINEAR.replace("ENG-123\", \"url", "eng-123\", \"url"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().path("code").asString()).isEqualTo("conflict");
		assertThat(post(tenant.key(), "/api/v1/issues/" + issue + "/external-links",
				LINEAR.replace("\"linear\"", "\"jira\""))
			.status()).as("another provider may use the same key").isEqualTo(201);
		assertThat(post(tenant.key(), "/api/v1/issues/" + other + "/external-links", LINEAR).status())
			.as("another issue may link the same key")
			.isEqualTo(201);

		String second = post(tenant.key(), "/api/v1/issues/" + issue + "/external-links",
				"{\"provider\": \"linear\", \"key\": \"ENG-9\", \"url\": \"https://linear.app/acme/issue/ENG-9\"}")
			.json()
			.at("/externalLink/id")
			.asString();
		Reply renamedOntoExisting = patch(tenant.key(), "/api/v1/issues/" + issue + "/external-links/" + second,
				"{\"key\": \"ENG-123\"}");
		assertThat(renamedOntoExisting.status()).isEqualTo(409);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/external-links/" + second).json()
			.at("/externalLink/key")
			.asString()).isEqualTo("ENG-9");
	}

	@Test
	void anIssueHoldsAtMostFiftyLinks() {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Tracked");
		for (int i = 0; i < 50; i++) {
			assertThat(post(tenant.key(), "/api/v1/issues/" + issue + "/external-links",
					"{\"provider\": \"github\", \"key\": \"acme/app#" + i
							+ "\", \"url\": \"https://github.com/acme/app/issues/" + i + "\"}")
				.status()).isEqualTo(201);
		}

		Reply fiftyFirst = post(tenant.key(), "/api/v1/issues/" + issue + "/external-links", LINEAR);

		assertThat(fiftyFirst.status()).isEqualTo(409);
		assertThat(fiftyFirst.json().path("error").asString()).contains("at most 50 external links");
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/external-links").json().path("externalLinks"))
			.hasSize(50);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no provider         | {"key": "A-1", "url": "https://x.example/A-1"}                                     | provider is required.
					uppercase provider  | {"provider": "Linear", "key": "A-1", "url": "https://x.example/A-1"}                | provider must be 1-40 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.
					provider too long   | {"provider": "%41", "key": "A-1", "url": "https://x.example/A-1"}                   | provider must be 1-40 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.
					provider with space | {"provider": "my tracker", "key": "A-1", "url": "https://x.example/A-1"}            | provider must be 1-40 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.
					no key              | {"provider": "jira", "url": "https://x.example/A-1"}                                | key is required.
					empty key           | {"provider": "jira", "key": "", "url": "https://x.example/A-1"}                     | key must be 1-120 characters.
					key too long        | {"provider": "jira", "key": "%121", "url": "https://x.example/A-1"}                 | key must be 1-120 characters.
					no url              | {"provider": "jira", "key": "A-1"}                                                  | url is required.
					http url            | {"provider": "jira", "key": "A-1", "url": "http://x.example/A-1"}                   | url must be an https URL with a host and without credentials.
					url with password   | {"provider": "jira", "key": "A-1", "url": "https://me:pw@x.example/A-1"}            | url must be an https URL with a host and without credentials.
					relative url        | {"provider": "jira", "key": "A-1", "url": "/browse/A-1"}                            | url must be an https URL with a host and without credentials.
					url not a url       | {"provider": "jira", "key": "A-1", "url": "https://x.example/a b"}                  | url must be an https URL with a host and without credentials.
					empty status        | {"provider": "jira", "key": "A-1", "url": "https://x.example/A-1", "status": ""}    | status must be 1-64 characters.
					status too long     | {"provider": "jira", "key": "A-1", "url": "https://x.example/A-1", "status": "%65"} | status must be 1-64 characters.
					unknown field       | {"provider": "jira", "key": "A-1", "url": "https://x.example/A-1", "title": "x"}    | Unknown field: title.
					""")
	void refusesAnInvalidLinkNamingTheField(String name, String body, String error) {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Tracked");
		Reply reply = post(tenant.key(), "/api/v1/issues/" + issue + "/external-links", IssuesIT.expand(body));
		assertThat(reply.status()).as(name).isEqualTo(400);
		assertThat(reply.json().path("error").asString()).as(name).isEqualTo(error);
		assertThat(get(tenant.key(), "/api/v1/issues/" + issue + "/external-links").json().path("externalLinks"))
			.isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					empty body        | {}                                | A PATCH body must carry at least one of key, url, status.
					null key          | {"key": null}                     | key must not be null.
					null url          | {"url": null}                     | url must not be null.
					http url          | {"url": "http://x.example/A-1"}   | url must be an https URL with a host and without credentials.
					provider          | {"provider": "jira"}              | Unknown field: provider.
					status too long   | {"status": "%65"}                 | status must be 1-64 characters.
					""")
	void refusesAnInvalidChangeAndKeepsTheLink(String name, String body, String error) {
		Tenant tenant = newTenant();
		String issue = createIssue(tenant, "Tracked");
		Reply added = post(tenant.key(), "/api/v1/issues/" + issue + "/external-links", LINEAR);
		String path = "/api/v1/issues/" + issue + "/external-links/" + added.json().at("/externalLink/id").asString();

		Reply reply = patch(tenant.key(), path, IssuesIT.expand(body));

		assertThat(reply.status()).as(name).isEqualTo(400);
		assertThat(reply.json().path("error").asString()).as(name).isEqualTo(error);
		assertThat(get(tenant.key(), path).json()).isEqualTo(added.json());
	}

	@Test
	void aLinkOfAnotherIssueIsNotFoundThroughThisIssue() {
		Tenant tenant = newTenant();
		String first = createIssue(tenant, "Tracked");
		String second = createIssue(tenant, "Tracked");
		String linkId = post(tenant.key(), "/api/v1/issues/" + first + "/external-links", LINEAR).json()
			.at("/externalLink/id")
			.asString();

		assertThat(get(tenant.key(), "/api/v1/issues/" + second + "/external-links/" + linkId).status()).isEqualTo(404);
		assertThat(
				patch(tenant.key(), "/api/v1/issues/" + second + "/external-links/" + linkId, "{\"status\": \"Done\"}")
					.status())
			.isEqualTo(404);
		assertThat(
				send(tenant.key(), "DELETE", "/api/v1/issues/" + second + "/external-links/" + linkId, null).status())
			.isEqualTo(404);
		assertThat(get(tenant.key(), "/api/v1/issues/" + first + "/external-links/" + linkId).json()
			.at("/externalLink/status")
			.asString()).isEqualTo("Todo");
		String reader = keyFor(tenant.workspace(), "issues:read");
		assertThat(post(reader, "/api/v1/issues/" + first + "/external-links", LINEAR).status()).isEqualTo(403);
		assertThat(get(reader, "/api/v1/issues/" + first + "/external-links").status()).isEqualTo(200);
	}

}

package dev.woes.webhook.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import dev.woes.webhook.WebhookChanges;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A PATCH carries at least one field, none of them {@code null}.
 */
@Schema(name = "UpdateWebhookRequest", minProperties = 1)
final class UpdateWebhookRequest {

	@JsonProperty
	@Schema(minLength = 1, maxLength = 160)
	@TextLength(min = 1, max = 160)
	private String name;

	@JsonProperty
	@Schema(maxLength = 2048)
	@TextLength(min = 1, max = 2048)
	private String url;

	@JsonProperty
	@Schema(description = "Replaces the list; empty delivers every type")
	private List<String> events;

	@JsonProperty
	@Schema(description = "true clears disabledReason")
	private Boolean enabled;

	private final Set<String> present = new LinkedHashSet<>();

	@JsonSetter("name")
	void name(String name) {
		this.present.add("name");
		this.name = name;
	}

	@JsonSetter("url")
	void url(String url) {
		this.present.add("url");
		this.url = url;
	}

	@JsonSetter("events")
	void events(List<String> events) {
		this.present.add("events");
		this.events = events;
	}

	@JsonSetter("enabled")
	void enabled(Boolean enabled) {
		this.present.add("enabled");
		this.enabled = enabled;
	}

	WebhookChanges toChanges() {
		if (this.present.isEmpty()) {
			throw new InvalidRequest("A PATCH body must carry at least one of name, url, events, enabled.");
		}
		for (String field : this.present) {
			boolean isNull = switch (field) {
				case "name" -> this.name == null;
				case "url" -> this.url == null;
				case "events" -> this.events == null;
				default -> this.enabled == null;
			};
			if (isNull) {
				throw new InvalidRequest(field + " must not be null.");
			}
		}
		return new WebhookChanges(this.name, this.url, this.events, this.enabled);
	}

}

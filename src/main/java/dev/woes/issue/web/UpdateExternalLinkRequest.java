package dev.woes.issue.web;

import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import dev.woes.issue.ExternalLinkChanges;
import dev.woes.shared.InvalidRequest;
import dev.woes.shared.TextLength;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Any of {@code key}, {@code url}, {@code status}; {@code status} may be {@code null} to
 * clear it, the others may not. The provider cannot change: remove the link and add
 * another.
 */
@Schema(name = "UpdateExternalLinkRequest", minProperties = 1)
final class UpdateExternalLinkRequest {

	@JsonProperty
	@Schema(minLength = 1, maxLength = 120)
	@TextLength(min = 1, max = 120)
	private String key;

	@JsonProperty
	@Schema(maxLength = 2048, format = "uri")
	@TextLength(min = 1, max = 2048)
	private String url;

	@JsonProperty
	@Schema(minLength = 1, maxLength = 64, types = { "string", "null" })
	@TextLength(min = 1, max = 64)
	private String status;

	private final Set<String> present = new LinkedHashSet<>();

	@JsonSetter("key")
	void key(String key) {
		this.present.add("key");
		this.key = key;
	}

	@JsonSetter("url")
	void url(String url) {
		this.present.add("url");
		this.url = url;
	}

	@JsonSetter("status")
	void status(String status) {
		this.present.add("status");
		this.status = status;
	}

	ExternalLinkChanges toChanges() {
		if (this.present.isEmpty()) {
			throw new InvalidRequest("A PATCH body must carry at least one of key, url, status.");
		}
		if (this.present.contains("key") && this.key == null) {
			throw new InvalidRequest("key must not be null.");
		}
		if (this.present.contains("url") && this.url == null) {
			throw new InvalidRequest("url must not be null.");
		}
		return new ExternalLinkChanges(this.key, RequestChecks.httpsUrl(this.url), this.present.contains("status"),
				this.status);
	}

}

package dev.woes.issue;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an issue is tracked outside Woes: a provider ({@code linear}, {@code jira},
 * {@code github} or any other lowercase token), the issue's key there, its https URL and
 * a free status text (null when unknown). An issue links a provider's key once.
 */
public record ExternalLink(ExternalLinkId id, IssueId issueId, String provider, String key, String url, String status,
		Instant createdAt, Instant updatedAt) {

	public static final int MAX_PER_ISSUE = 50;

	public ExternalLink {
		Objects.requireNonNull(id);
		Objects.requireNonNull(issueId);
		Objects.requireNonNull(provider);
		Objects.requireNonNull(key);
		Objects.requireNonNull(url);
		Objects.requireNonNull(createdAt);
		Objects.requireNonNull(updatedAt);
	}

	public static ExternalLink add(IssueId issue, String provider, String key, String url, String status, Instant now) {
		return new ExternalLink(ExternalLinkId.generate(), issue, provider, key, url, status, now, now);
	}

	/**
	 * Applies the changes; the same link comes back when nothing differs.
	 */
	public ExternalLink change(ExternalLinkChanges changes, Instant now) {
		String newKey = (changes.key() != null) ? changes.key() : this.key;
		String newUrl = (changes.url() != null) ? changes.url() : this.url;
		String newStatus = changes.changesStatus() ? changes.status() : this.status;
		if (newKey.equals(this.key) && newUrl.equals(this.url) && Objects.equals(newStatus, this.status)) {
			return this;
		}
		return new ExternalLink(this.id, this.issueId, this.provider, newKey, newUrl, newStatus, this.createdAt, now);
	}

}

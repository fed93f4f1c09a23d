package dev.woes.issue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.woes.conversation.Preview;

/**
 * A piece of product work raised from support. Its rules: {@code closedAt} is set when
 * the status category becomes {@code closed} and cleared when it leaves;
 * {@code updatedAt} moves only when one of the issue's own fields changes;
 * {@code lastActivityAt} moves on that and on every note, conversation link and external
 * link change; {@code preview} is the description (the subject while the description is
 * empty).
 */
public final class Issue {

	private final IssueId id;

	private final IssueSource source;

	private final Instant createdAt;

	private String subject;

	private String description;

	private String preview;

	private IssueStatusCategory statusCategory;

	private String priority;

	private List<String> tags;

	private IssueCustomer customer;

	private Instant updatedAt;

	private Instant lastActivityAt;

	private Instant closedAt;

	private Issue(IssueId id, String subject, String description, IssueStatusCategory statusCategory, String priority,
			List<String> tags, IssueCustomer customer, IssueSource source, Instant createdAt, Instant updatedAt,
			Instant lastActivityAt, Instant closedAt) {
		this.id = Objects.requireNonNull(id);
		this.subject = Objects.requireNonNull(subject);
		this.description = Objects.requireNonNull(description);
		this.preview = previewOf(subject, description);
		this.statusCategory = Objects.requireNonNull(statusCategory);
		this.priority = Objects.requireNonNull(priority);
		this.tags = Tags.deduplicated(tags);
		this.customer = Objects.requireNonNull(customer);
		this.source = Objects.requireNonNull(source);
		this.createdAt = Objects.requireNonNull(createdAt);
		this.updatedAt = Objects.requireNonNull(updatedAt);
		this.lastActivityAt = Objects.requireNonNull(lastActivityAt);
		this.closedAt = closedAt;
	}

	/**
	 * Raises a new issue; one created as {@code closed} is closed at its creation.
	 */
	public static Issue raise(String subject, String description, IssueStatusCategory statusCategory, String priority,
			List<String> tags, IssueCustomer customer, IssueSource source, Instant now) {
		return new Issue(IssueId.generate(), subject, description, statusCategory, priority, tags, customer, source,
				now, now, now, (statusCategory == IssueStatusCategory.CLOSED) ? now : null);
	}

	/**
	 * Rebuilds a stored issue.
	 */
	public static Issue restore(IssueId id, String subject, String description, IssueStatusCategory statusCategory,
			String priority, List<String> tags, IssueCustomer customer, IssueSource source, Instant createdAt,
			Instant updatedAt, Instant lastActivityAt, Instant closedAt) {
		return new Issue(id, subject, description, statusCategory, priority, tags, customer, source, createdAt,
				updatedAt, lastActivityAt, closedAt);
	}

	public boolean retitle(String newSubject, Instant now) {
		if (!this.subject.equals(newSubject)) {
			this.subject = newSubject;
			this.preview = previewOf(this.subject, this.description);
			changed(now);
			return true;
		}
		return false;
	}

	public boolean describe(String newDescription, Instant now) {
		if (!this.description.equals(newDescription)) {
			this.description = newDescription;
			this.preview = previewOf(this.subject, this.description);
			changed(now);
			return true;
		}
		return false;
	}

	public boolean prioritize(String newPriority, Instant now) {
		if (!this.priority.equals(newPriority)) {
			this.priority = newPriority;
			changed(now);
			return true;
		}
		return false;
	}

	/**
	 * Moves the issue to a status category; entering {@code closed} sets
	 * {@code closedAt}, leaving it clears {@code closedAt}.
	 */
	public boolean moveTo(IssueStatusCategory target, Instant now) {
		if (this.statusCategory != target) {
			this.statusCategory = target;
			this.closedAt = (target == IssueStatusCategory.CLOSED) ? now : null;
			changed(now);
			return true;
		}
		return false;
	}

	/**
	 * Replaces the tags; a list that differs only by repeated labels is no change.
	 */
	public boolean retag(List<String> newTags, Instant now) {
		List<String> deduplicated = Tags.deduplicated(newTags);
		if (!this.tags.equals(deduplicated)) {
			this.tags = deduplicated;
			changed(now);
			return true;
		}
		return false;
	}

	public boolean changeCustomer(IssueCustomer newCustomer, Instant now) {
		if (!this.customer.equals(newCustomer)) {
			this.customer = newCustomer;
			changed(now);
			return true;
		}
		return false;
	}

	/**
	 * Something happened around the issue (a note, a link) without changing its fields.
	 */
	public void recordActivity(Instant now) {
		if (now.isAfter(this.lastActivityAt)) {
			this.lastActivityAt = now;
		}
	}

	private void changed(Instant now) {
		this.updatedAt = now;
		recordActivity(now);
	}

	private static String previewOf(String subject, String description) {
		return Preview.of(description.isBlank() ? subject : description);
	}

	public IssueId id() {
		return this.id;
	}

	public String subject() {
		return this.subject;
	}

	public String description() {
		return this.description;
	}

	public String preview() {
		return this.preview;
	}

	public IssueStatusCategory statusCategory() {
		return this.statusCategory;
	}

	public String priority() {
		return this.priority;
	}

	public List<String> tags() {
		return this.tags;
	}

	public IssueCustomer customer() {
		return this.customer;
	}

	public IssueSource source() {
		return this.source;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public Instant lastActivityAt() {
		return this.lastActivityAt;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

}

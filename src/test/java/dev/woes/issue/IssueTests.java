package dev.woes.issue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules an issue keeps by itself: closedAt follows the closed category, a change that
 * changes nothing moves no timestamp, tags are kept once whatever their case, and the
 * preview follows the description.
 */
class IssueTests {

	private static final Instant CREATED = Instant.parse("2026-06-28T18:00:00.000Z");

	private static final Instant LATER = CREATED.plusSeconds(60);

	private static final Instant LATEST = CREATED.plusSeconds(120);

	@Test
	void closingSetsClosedAtAndLeavingClosedClearsIt() {
		Issue issue = raise(IssueStatusCategory.ON_YOU);

		assertThat(issue.moveTo(IssueStatusCategory.CLOSED, LATER)).isTrue();
		assertThat(issue.closedAt()).isEqualTo(LATER);
		assertThat(issue.moveTo(IssueStatusCategory.CLOSED, LATEST)).isFalse();
		assertThat(issue.closedAt()).as("closing a closed issue keeps its closing time").isEqualTo(LATER);
		assertThat(issue.moveTo(IssueStatusCategory.ON_CUSTOMER, LATEST)).isTrue();
		assertThat(issue.closedAt()).isNull();
		assertThat(issue.updatedAt()).isEqualTo(LATEST);
	}

	@Test
	void anIssueRaisedClosedIsClosedAtItsCreation() {
		assertThat(raise(IssueStatusCategory.CLOSED).closedAt()).isEqualTo(CREATED);
		assertThat(raise(IssueStatusCategory.NEW).closedAt()).isNull();
	}

	@Test
	void sameValuesAreNoChangeAndMoveNoTimestamp() {
		Issue issue = raise(IssueStatusCategory.NEW);

		assertThat(issue.retitle("Export fails", LATER)).isFalse();
		assertThat(issue.prioritize("medium", LATER)).isFalse();
		assertThat(issue.retag(List.of("Export", "export", "csv"), LATER)).isFalse();
		assertThat(issue.changeCustomer(IssueCustomer.UNKNOWN, LATER)).isFalse();
		assertThat(issue.describe("", LATER)).isFalse();
		assertThat(issue.updatedAt()).isEqualTo(CREATED);
		assertThat(issue.lastActivityAt()).isEqualTo(CREATED);
	}

	@Test
	void tagsAreKeptOnceWithoutCaseInTheirFirstSpellingAndOrder() {
		assertThat(raise(IssueStatusCategory.NEW).tags()).containsExactly("Export", "csv");
	}

	@Test
	void activityMovesLastActivityAtButNotUpdatedAtAndNeverBackwards() {
		Issue issue = raise(IssueStatusCategory.NEW);

		issue.recordActivity(LATEST);
		issue.recordActivity(LATER);

		assertThat(issue.lastActivityAt()).isEqualTo(LATEST);
		assertThat(issue.updatedAt()).isEqualTo(CREATED);
	}

	@Test
	void thePreviewIsTheFoldedDescriptionOrTheSubjectWhileThereIsNone() {
		Issue issue = raise(IssueStatusCategory.NEW);
		assertThat(issue.preview()).isEqualTo("Export fails");

		issue.describe("Fails\n\nfor   files over 2 GB", LATER);
		assertThat(issue.preview()).isEqualTo("Fails for files over 2 GB");

		issue.describe("x".repeat(300), LATER);
		assertThat(issue.preview()).hasSize(160);
		issue.describe("  ", LATER);
		assertThat(issue.preview()).isEqualTo("Export fails");
	}

	private static Issue raise(IssueStatusCategory category) {
		return Issue.raise("Export fails", "", category, "medium", List.of("Export", "export", "csv", "CSV"),
				IssueCustomer.UNKNOWN, new IssueSource("api", null), CREATED);
	}

}

package dev.woes.note;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.operator.Operator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mention syntax: {@code @} and an operator's email address, at the start of the text
 * or after a character that cannot be part of an address.
 */
class MentionsTests {

	@Test
	void findsAddressesAfterAnAtSignInOrderOfFirstMentionWithoutCaseOrRepeats() {
		assertThat(Mentions.addresses("@Ada@Example.com, ask (@grace@example.org) and @ada@example.COM again"))
			.containsExactly("ada@example.com", "grace@example.org");
	}

	@Test
	void leavesTrailingPunctuationOutOfTheAddress() {
		assertThat(Mentions.addresses("Thanks @ada@example.com. Next: @grace@mail.example.org!"))
			.containsExactly("ada@example.com", "grace@mail.example.org");
	}

	@Test
	void plainAddressesAndBrokenMentionsAreNotMentions() {
		assertThat(Mentions.addresses("mail ada@example.com or x@ada@example.com; @ada, @ada@localhost, @ @"))
			.isEmpty();
	}

	@Test
	void resolvesOnlyAddressesOfTheGivenOperatorsKeepingTheMentionOrder() {
		UUID ada = UUID.randomUUID();
		UUID grace = UUID.randomUUID();
		List<Operator> operators = List.of(operator(ada, "Ada@Example.com"), operator(grace, "grace@example.org"));

		assertThat(Mentions.resolve(List.of("grace@example.org", "nobody@example.com", "ada@example.com"), operators))
			.containsExactly(grace, ada);
		assertThat(Mentions.resolve(List.of("nobody@example.com"), operators)).isEmpty();
	}

	private static Operator operator(UUID id, String email) {
		return new Operator(id, "Someone", email, "member", "active", Instant.now(), null);
	}

}

package dev.woes.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The system role's name goes into SQL as it is, so only plain names are taken, and a bad
 * one stops the start with what to use instead.
 */
class SystemRoleTests {

	@Test
	void aPlainNameIsWrittenAsAnIdentifierAndAsAString() {
		SystemRole role = new SystemRole("woes_system_2");

		assertThat(role.identifier()).isEqualTo("\"woes_system_2\"");
		assertThat(role.literal()).isEqualTo("'woes_system_2'");
	}

	@Test
	void anythingElseRefusesTheStart() {
		for (String name : new String[] { "", "Woes", "1woes", "woes-system", "woes'; DROP TABLE x; --", "a".repeat(64),
				null }) {
			assertThatExceptionOfType(InvalidSystemRole.class).as(String.valueOf(name))
				.isThrownBy(() -> new SystemRole(name))
				.satisfies((ex) -> assertThat(ex.action()).contains("woes_system"));
		}
	}

	@Test
	void quotesInsideAreDoubled() {
		assertThat(SystemRole.quote("o'neil", '\'')).isEqualTo("'o''neil'");
		assertThat(SystemRole.quote("a\"b", '"')).isEqualTo("\"a\"\"b\"");
	}

}

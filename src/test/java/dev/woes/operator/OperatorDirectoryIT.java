package dev.woes.operator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.woes.shared.Uuids;
import dev.woes.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Operators are found by id and by email within their own workspace only.
 */
class OperatorDirectoryIT extends ApiTest {

	@Autowired
	private Operators operators;

	@Autowired
	private OperatorDirectory directory;

	@Test
	void operatorsAreFoundByIdAndByEmailWithoutCaseInTheirOwnWorkspaceOnly() {
		Tenant tenant = newTenant();
		Tenant other = newTenant();
		Operator ada = new Operator(Uuids.v7(), "Ada", "Ada@Example.com", "admin", "active", Instant.now(), null);
		this.operators.add(tenant.workspace().id(), ada);

		assertThat(this.directory.require(tenant.workspace().id(), ada.id()).name()).isEqualTo("Ada");
		assertThat(this.directory.withEmails(tenant.workspace().id(), List.of("ada@example.COM", "nobody@example.com")))
			.extracting(Operator::id)
			.containsExactly(ada.id());
		assertThat(this.directory.withEmails(other.workspace().id(), List.of("ada@example.com"))).isEmpty();
		assertThatExceptionOfType(OperatorNotFound.class)
			.isThrownBy(() -> this.directory.require(other.workspace().id(), ada.id()));
		assertThatExceptionOfType(OperatorNotFound.class)
			.isThrownBy(() -> this.directory.require(tenant.workspace().id(), UUID.randomUUID()));
	}

	@Test
	void anEmailBelongsToOneOperatorPerWorkspace() {
		Tenant tenant = newTenant();
		this.operators.add(tenant.workspace().id(),
				new Operator(Uuids.v7(), "Ada", "ada@example.com", "member", "active", Instant.now(), null));
		assertThatExceptionOfType(DuplicateOperatorEmail.class)
			.isThrownBy(() -> this.operators.add(tenant.workspace().id(),
					new Operator(Uuids.v7(), "Ada Two", "ADA@example.com", "member", "active", Instant.now(), null)));
		this.operators.add(newTenant().workspace().id(),
				new Operator(Uuids.v7(), "Ada", "ada@example.com", "member", "active", Instant.now(), null));
	}

}

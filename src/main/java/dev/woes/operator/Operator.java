package dev.woes.operator;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A human member of a workspace.
 *
 * @param role {@code owner}, {@code admin}, {@code member} or {@code viewer}
 * @param status {@code active} or {@code away}
 */
public record Operator(UUID id, String name, String email, String role, String status, Instant createdAt,
		Instant updatedAt) {

	/**
	 * This operator with the changes applied; {@code updatedAt} moves only when a value
	 * actually changes.
	 */
	public Operator with(OperatorChanges changes, Instant now) {
		String newName = Objects.requireNonNullElse(changes.name(), this.name);
		String newEmail = Objects.requireNonNullElse(changes.email(), this.email);
		String newRole = Objects.requireNonNullElse(changes.role(), this.role);
		String newStatus = Objects.requireNonNullElse(changes.status(), this.status);
		if (newName.equals(this.name) && newEmail.equals(this.email) && newRole.equals(this.role)
				&& newStatus.equals(this.status)) {
			return this;
		}
		return new Operator(this.id, newName, newEmail, newRole, newStatus, this.createdAt, now);
	}

}

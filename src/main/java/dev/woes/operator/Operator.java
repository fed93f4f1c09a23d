package dev.woes.operator;

import java.time.Instant;
import java.util.UUID;

/**
 * A human member of a workspace.
 *
 * @param role {@code owner}, {@code admin}, {@code member} or {@code viewer}
 * @param status {@code active} or {@code away}
 */
public record Operator(UUID id, String name, String email, String role, String status, Instant createdAt,
		Instant updatedAt) {

}

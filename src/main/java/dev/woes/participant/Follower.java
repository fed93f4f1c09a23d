package dev.woes.participant;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator added to a conversation by hand, and when.
 */
public record Follower(UUID operatorId, Instant addedAt) {

}

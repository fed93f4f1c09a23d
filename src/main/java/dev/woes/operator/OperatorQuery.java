package dev.woes.operator;

import java.util.UUID;

/**
 * Which operators to list, oldest first: optional filters, an optional cursor and a page
 * size.
 */
public record OperatorQuery(String status, String role, UUID startingAfter, int limit) {

}

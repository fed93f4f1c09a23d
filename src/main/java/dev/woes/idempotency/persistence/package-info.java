/**
 * Idempotency records in PostgreSQL.
 */
package dev.woes.idempotency.persistence;

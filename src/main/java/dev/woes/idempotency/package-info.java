/**
 * Idempotent writes: the first answer to a POST or PATCH sent with an
 * {@code Idempotency-Key} is stored with the write it answers and replayed to retries.
 */
package dev.woes.idempotency;

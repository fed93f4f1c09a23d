/**
 * The HTTP side of idempotent writes: the filter that wraps a keyed POST or PATCH in one
 * transaction with its stored answer.
 */
package dev.woes.idempotency.web;

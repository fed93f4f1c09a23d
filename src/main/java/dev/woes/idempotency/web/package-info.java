/**
 * The HTTP side of idempotent writes: the filter that wraps a keyed POST, PATCH or PUT in
 * one transaction with its stored answer.
 */
package dev.woes.idempotency.web;

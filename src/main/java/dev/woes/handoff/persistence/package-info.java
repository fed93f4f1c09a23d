/**
 * Handoffs in PostgreSQL.
 */
package dev.woes.handoff.persistence;

/**
 * Conversation followers in PostgreSQL.
 */
package dev.woes.participant.persistence;

/**
 * Conversation assignments in PostgreSQL.
 */
package dev.woes.assignment.persistence;

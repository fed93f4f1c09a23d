/**
 * Labels, snoozes, tags and custom field values of conversations in PostgreSQL.
 */
package dev.woes.triage.persistence;

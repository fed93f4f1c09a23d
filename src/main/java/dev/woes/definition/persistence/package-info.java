/**
 * Definitions in PostgreSQL.
 */
package dev.woes.definition.persistence;

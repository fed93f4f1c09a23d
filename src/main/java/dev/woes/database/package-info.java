/**
 * Where the data lives: the PostgreSQL named by {@code WOES_DATABASE_URL}, or an embedded
 * one under the data directory, so the server runs with zero setup.
 */
package dev.woes.database;

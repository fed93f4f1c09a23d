/**
 * SQL for API keys.
 */
package dev.woes.auth.persistence;

/**
 * Webhooks: signed HTTP deliveries of the workspace's events to its endpoints, queued in
 * PostgreSQL, retried with backoff and sent only to public addresses.
 */
package dev.woes.webhook;

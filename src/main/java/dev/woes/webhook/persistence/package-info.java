/**
 * SQL for webhooks, their deliveries and the dispatcher's cursors.
 */
package dev.woes.webhook.persistence;

/**
 * Events: the durable record of every change, written in the same transaction as the
 * change itself. The change feed, webhooks and the real-time stream read from it.
 */
package dev.woes.event;

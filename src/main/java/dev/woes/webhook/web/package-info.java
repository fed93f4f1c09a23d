/**
 * The webhooks HTTP API: endpoints, secret rotation, test sends and delivery history.
 */
package dev.woes.webhook.web;

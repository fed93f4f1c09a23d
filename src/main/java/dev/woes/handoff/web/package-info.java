/**
 * The Handoff API over HTTP: requests, takeovers, releases, history and the queue.
 */
package dev.woes.handoff.web;

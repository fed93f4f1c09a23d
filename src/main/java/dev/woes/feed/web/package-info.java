/**
 * The change feed and the real-time stream over HTTP: routes and the event's JSON shape.
 */
package dev.woes.feed.web;

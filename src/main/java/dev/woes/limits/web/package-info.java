/**
 * The HTTP side of the limits: servlet filters in front of {@code /api} and the web
 * server's connection bounds.
 */
package dev.woes.limits.web;

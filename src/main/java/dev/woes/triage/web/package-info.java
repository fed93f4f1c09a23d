/**
 * The triage sub-resources of a conversation: routes, request and response shapes.
 */
package dev.woes.triage.web;

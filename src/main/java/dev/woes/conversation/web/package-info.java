/**
 * The Conversations API: routes, request and response shapes.
 */
package dev.woes.conversation.web;

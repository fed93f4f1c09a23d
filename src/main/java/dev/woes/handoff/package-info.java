/**
 * Handoff: who handles a conversation, automation or a person, and the requests,
 * takeovers and releases that move it between them.
 */
package dev.woes.handoff;

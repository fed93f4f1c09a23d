/**
 * The operator timeline: a conversation's messages, private notes and recorded changes in
 * one time-ordered thread. Operator-only.
 */
package dev.woes.timeline;

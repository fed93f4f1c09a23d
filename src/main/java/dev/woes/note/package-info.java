/**
 * Private notes: operator-only remarks on a conversation, with the operators they
 * mention. Never part of the customer-visible thread.
 */
package dev.woes.note;

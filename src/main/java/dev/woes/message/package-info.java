/**
 * Messages: the customer-visible thread of a conversation, in the order it was written.
 */
package dev.woes.message;

/**
 * Conversations: one customer's thread on one channel, its lifecycle (open, waiting,
 * solved) and the activity that orders the inbox.
 */
package dev.woes.conversation;

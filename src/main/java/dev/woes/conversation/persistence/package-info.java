/**
 * SQL for conversations.
 */
package dev.woes.conversation.persistence;

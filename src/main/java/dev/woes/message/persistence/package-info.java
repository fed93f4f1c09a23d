/**
 * SQL for messages.
 */
package dev.woes.message.persistence;

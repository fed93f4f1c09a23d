/**
 * Operators: the workspace's human members, who are assigned conversations, reply, write
 * notes and take over from automation.
 */
package dev.woes.operator;

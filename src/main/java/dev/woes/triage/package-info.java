/**
 * Triage: how a conversation is sorted (its status label, a snooze that wakes it, its
 * tags and custom field values), built on the conversation and the workspace's
 * definitions.
 */
package dev.woes.triage;

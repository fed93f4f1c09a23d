/**
 * Definitions: the workspace's own vocabulary for sorting conversations (status labels,
 * priorities, tags and custom fields) and the rules that keep it usable.
 */
package dev.woes.definition;

/**
 * SQL for issues, their conversation links, notes and external links.
 */
package dev.woes.issue.persistence;

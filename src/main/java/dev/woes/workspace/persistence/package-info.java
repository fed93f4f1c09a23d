/**
 * SQL for workspaces.
 */
package dev.woes.workspace.persistence;

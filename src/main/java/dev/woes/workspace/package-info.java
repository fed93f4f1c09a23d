/**
 * The tenant: a workspace owns every other record, and nothing crosses from one to
 * another.
 */
package dev.woes.workspace;

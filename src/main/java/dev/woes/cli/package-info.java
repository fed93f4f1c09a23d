/**
 * The administrative command line, run from the same jar: workspaces and API keys.
 */
package dev.woes.cli;

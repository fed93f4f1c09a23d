/**
 * Issues: product work raised from support, the conversations linked to it, the team's
 * private notes on it and where it is tracked elsewhere (Linear, Jira, GitHub, ...).
 */
package dev.woes.issue;

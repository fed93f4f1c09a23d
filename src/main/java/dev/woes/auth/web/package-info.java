/**
 * The HTTP side of authentication: the Bearer filter, the scope check and the caller's
 * workspace.
 */
package dev.woes.auth.web;

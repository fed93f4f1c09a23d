/**
 * Who is calling, for which workspace: API keys, their scopes, and the Bearer check in
 * front of every {@code /api} route.
 */
package dev.woes.auth;

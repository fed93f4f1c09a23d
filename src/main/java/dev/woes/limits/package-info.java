/**
 * Resource bounds in front of the API: per-key rate limits, a limit on failed
 * authentication per client address, and request body size and time limits.
 */
package dev.woes.limits;

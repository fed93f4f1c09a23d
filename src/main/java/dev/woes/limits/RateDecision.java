package dev.woes.limits;

/**
 * The outcome of asking a bucket for a request, with what the {@code RateLimit-*} headers
 * say: the bucket's size, what is left, the seconds until it is full again, and (when
 * refused) the seconds until one request is allowed.
 */
public record RateDecision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}

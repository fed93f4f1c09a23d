package dev.woes.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket kept as one number, the time at which the bucket will be full again (the
 * generic cell rate algorithm): taking a token moves that time one interval later, and a
 * request is refused when the bucket would need to be more than {@code burst} intervals
 * in debt. Lock-free: one compare-and-set per request.
 */
final class TokenBucket {

	private final AtomicLong fullAt;

	TokenBucket(long now) {
		this.fullAt = new AtomicLong(now);
	}

	RateDecision take(Rate rate, long now) {
		while (true) {
			long current = this.fullAt.get();
			long next = Math.max(current, now) + rate.intervalNanos();
			long debt = next - now;
			if (debt > rate.windowNanos()) {
				return new RateDecision(false, rate.burst(), 0, seconds(Math.max(current, now) - now),
						Math.max(1, seconds(debt - rate.windowNanos())));
			}
			if (this.fullAt.compareAndSet(current, next)) {
				return new RateDecision(true, rate.burst(), (rate.windowNanos() - debt) / rate.intervalNanos(),
						seconds(debt), 0);
			}
		}
	}

	/**
	 * Whether a request would be allowed now, without taking a token.
	 */
	boolean wouldAllow(Rate rate, long now) {
		return Math.max(this.fullAt.get(), now) + rate.intervalNanos() - now <= rate.windowNanos();
	}

	boolean isFullAt(long now) {
		return this.fullAt.get() <= now;
	}

	private static long seconds(long nanos) {
		return (nanos <= 0) ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
	}

	/**
	 * {@code burst} requests at once, refilled at one request per {@code intervalNanos}.
	 */
	record Rate(int burst, long intervalNanos) {

		Rate {
			if (burst < 1 || intervalNanos < 1) {
				throw new IllegalArgumentException("A rate needs a burst and a refill interval of at least 1");
			}
		}

		static Rate perSecond(double requests, int burst) {
			return new Rate(burst, Math.max(1, (long) (1_000_000_000L / requests)));
		}

		static Rate perMinute(double requests, int burst) {
			return new Rate(burst, Math.max(1, (long) (60_000_000_000L / requests)));
		}

		long windowNanos() {
			return this.burst * this.intervalNanos;
		}

	}

}

package io.tradeport.tradeserver.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time shifted to start at a chosen instant, so demo sessions are open whatever day the
 * tests run; {@link #advance} jumps ahead (end of day, expirations) while time keeps flowing.
 */
final class TestClock extends Clock {

	private final long startNanos = System.nanoTime();
	private final Instant start;
	private volatile Duration jumped = Duration.ZERO;

	TestClock(Instant start) {
		this.start = start;
	}

	void advance(Duration duration) {
		jumped = jumped.plus(duration);
	}

	@Override
	public Instant instant() {
		return start.plusNanos(System.nanoTime() - startNanos).plus(jumped);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** A view in another zone that reads this clock, so moving this one moves the view too. */
	@Override
	public Clock withZone(ZoneId zone) {
		var source = this;
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

			@Override
			public Instant instant() {
				return source.instant();
			}
		};
	}
}

package io.tradeport.tradeserver.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The engine's clock: stands still while a command runs, at a millisecond the journal records
 * with the command. Replay sets it to the recorded time, so every timestamp, expiration and end of
 * day comes out exactly as it did live. It never goes backwards, even if the wall clock does.
 */
final class CommandClock extends Clock {

	private final Clock wall;
	private volatile long now;

	CommandClock(Clock wall) {
		this.wall = wall;
		this.now = wall.millis();
	}

	/** Moves to the wall clock's time (if later) for the next live command. */
	long advance() {
		long time = Math.max(now, wall.millis());
		now = time;
		return time;
	}

	void set(long millis) {
		now = millis;
	}

	@Override
	public long millis() {
		return now;
	}

	@Override
	public Instant instant() {
		return Instant.ofEpochMilli(now);
	}

	@Override
	public ZoneId getZone() {
		return wall.getZone();
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

package io.tradeport.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A running clock that starts on a Tuesday at 10:00 UTC. The demo symbols trade Monday to Friday
 * only, so a benchmark run on the real clock would fail with MARKET_CLOSED at the weekend; it still
 * advances, so the engine sees real elapsed time (open times, journal, sessions).
 */
final class Tuesday {

	static final Instant TEN_UTC = Instant.parse("2026-11-24T10:00:00Z");

	private Tuesday() {
	}

	static Clock clock() {
		return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TEN_UTC));
	}
}

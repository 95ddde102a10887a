package io.tradeport.tradeserver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.Quote;

class FeedMarketHistoryUnitTests {

	// An MT4-style server time two hours ahead of UTC in winter.
	private final FeedMarketHistory history = new FeedMarketHistory(ZoneId.of("Europe/Athens"), 3, 100);

	private void tick(String time, double bid) {
		history.onTick(new Quote("EURUSD", bid, bid + 0.0002, Instant.parse(time)));
	}

	@Test
	void onlyTheNewestTicksPerSymbolAreKeptAndRangesIncludeBothEnds() {
		tick("2026-11-24T10:00:00Z", 1.1);
		tick("2026-11-24T10:00:01Z", 1.2);
		tick("2026-11-24T10:00:02Z", 1.3);
		tick("2026-11-24T10:00:03Z", 1.4);

		assertThat(history.lastTicks("EURUSD", 10)).extracting(Quote::bid).containsExactly(1.2, 1.3, 1.4);
		assertThat(history.lastTicks("EURUSD", 1)).extracting(Quote::bid).containsExactly(1.4);
		assertThat(history.ticks("EURUSD", Instant.parse("2026-11-24T10:00:02Z"), Instant.MAX)).hasSize(2);
		assertThat(history.ticks("EURUSD", Instant.parse("2026-11-24T10:00:01Z"), Instant.parse("2026-11-24T10:00:02Z")))
			.extracting(Quote::bid).containsExactly(1.2, 1.3);
		assertThat(history.ticks("GBPUSD", Instant.MIN, Instant.MAX)).isEmpty();
	}

	@Test
	void dailyBarsStartAtServerMidnight() {
		tick("2026-11-24T21:59:00Z", 1.10);
		tick("2026-11-24T22:01:00Z", 1.20);
		tick("2026-11-24T23:00:00Z", 1.15);

		var bars = history.bars("EURUSD", BarPeriod.D1, Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));

		assertThat(bars).hasSize(2);
		assertThat(bars.get(1).time()).isEqualTo(Instant.parse("2026-11-24T22:00:00Z"));
		assertThat(bars.get(1).open()).isEqualTo(1.20);
		assertThat(bars.get(1).low()).isEqualTo(1.15);
		assertThat(bars.get(1).volume()).isEqualTo(2);
	}

	@Test
	void weeklyBarsStartOnSundayAsInMt4AndMinuteBarsOnTheirPeriod() {
		tick("2026-11-24T10:07:00Z", 1.10);
		tick("2026-11-24T10:14:59Z", 1.12);
		tick("2026-11-24T10:15:00Z", 1.11);

		var weeks = history.bars("EURUSD", BarPeriod.W1, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
		var m15 = history.bars("EURUSD", BarPeriod.M15, Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:15:00Z"));

		assertThat(weeks).singleElement().satisfies(w -> assertThat(w.time()).isEqualTo(Instant.parse("2026-11-21T22:00:00Z")));
		assertThat(m15).extracting(PriceBar::time)
			.containsExactly(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:15:00Z"));
		assertThat(m15.getFirst().close()).isEqualTo(1.12);
	}
}

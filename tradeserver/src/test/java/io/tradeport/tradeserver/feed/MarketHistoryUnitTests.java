package io.tradeport.tradeserver.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Server time is UTC+2 here, so every boundary is checked in server time, not UTC. */
class MarketHistoryUnitTests {

	private static final ZoneId SERVER = ZoneOffset.ofHours(2);

	private final MarketHistory history = new MarketHistory(SERVER, 1000, 1000);

	private void tick(String utc, double bid) {
		history.onTick(new Tick("EURUSD", Instant.parse(utc), bid, bid + 0.0002));
	}

	private List<Bar> bars(Timeframe timeframe) {
		return history.bars("EURUSD", timeframe, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
	}

	private static Instant server(String localTime) {
		return java.time.LocalDateTime.parse(localTime).atZone(SERVER).toInstant();
	}

	@Test
	void minuteBarsCollectOpenHighLowCloseAndTickCountAcrossAMinuteBoundary() {
		tick("2026-11-24T08:59:10Z", 1.10000);
		tick("2026-11-24T08:59:20Z", 1.10050);
		tick("2026-11-24T08:59:30Z", 1.09980);
		tick("2026-11-24T08:59:59.999Z", 1.10010);
		tick("2026-11-24T09:00:00Z", 1.10020);

		assertThat(bars(Timeframe.M1)).containsExactly(
				new Bar(server("2026-11-24T10:59"), 1.10000, 1.10050, 1.09980, 1.10010, 4),
				new Bar(server("2026-11-24T11:00"), 1.10020, 1.10020, 1.10020, 1.10020, 1));
		assertThat(bars(Timeframe.H1)).extracting(Bar::openTime)
			.containsExactly(server("2026-11-24T10:00"), server("2026-11-24T11:00"));
		assertThat(bars(Timeframe.H4)).singleElement().isEqualTo(
				new Bar(server("2026-11-24T08:00"), 1.10000, 1.10050, 1.09980, 1.10020, 5));
	}

	@Test
	void intradayFramesAlignOnServerTimeMultiplesOfTheirLength() {
		tick("2026-11-24T05:59:00Z", 1.1); // 07:59 server
		tick("2026-11-24T06:00:00Z", 1.2); // 08:00 server
		tick("2026-11-24T06:14:00Z", 1.3); // 08:14
		tick("2026-11-24T06:15:00Z", 1.4); // 08:15

		assertThat(bars(Timeframe.M5)).extracting(Bar::openTime).containsExactly(
				server("2026-11-24T07:55"), server("2026-11-24T08:00"), server("2026-11-24T08:10"), server("2026-11-24T08:15"));
		assertThat(bars(Timeframe.M15)).extracting(Bar::openTime).containsExactly(
				server("2026-11-24T07:45"), server("2026-11-24T08:00"), server("2026-11-24T08:15"));
		assertThat(bars(Timeframe.M30)).extracting(Bar::openTime).containsExactly(
				server("2026-11-24T07:30"), server("2026-11-24T08:00"));
		assertThat(bars(Timeframe.H4)).extracting(Bar::openTime).containsExactly(
				server("2026-11-24T04:00"), server("2026-11-24T08:00"));
	}

	@Test
	void dailyBarsChangeAtServerMidnightNotAtUtcMidnight() {
		tick("2026-11-24T21:59:59Z", 1.1); // Tuesday 23:59:59 server
		tick("2026-11-24T22:00:00Z", 1.2); // Wednesday 00:00 server
		tick("2026-11-25T01:00:00Z", 1.3); // still Wednesday in server time, and in UTC

		assertThat(bars(Timeframe.D1)).containsExactly(
				new Bar(server("2026-11-24T00:00"), 1.1, 1.1, 1.1, 1.1, 1),
				new Bar(server("2026-11-25T00:00"), 1.2, 1.3, 1.2, 1.3, 2));
	}

	@Test
	void weeklyBarsStartOnSundayAndMonthlyBarsOnTheFirstOfTheMonth() {
		tick("2026-11-27T21:00:00Z", 1.1); // Friday 23:00 server
		tick("2026-11-29T22:00:00Z", 1.2); // Monday 2026-11-30 00:00 server
		tick("2026-11-30T21:59:00Z", 1.3); // Monday 23:59 server, still November
		tick("2026-11-30T22:00:00Z", 1.4); // Tuesday 2026-12-01 00:00 server

		assertThat(bars(Timeframe.W1)).containsExactly(
				new Bar(server("2026-11-22T00:00"), 1.1, 1.1, 1.1, 1.1, 1),
				new Bar(server("2026-11-29T00:00"), 1.2, 1.4, 1.2, 1.4, 3));
		assertThat(bars(Timeframe.MN1)).containsExactly(
				new Bar(server("2026-11-01T00:00"), 1.1, 1.3, 1.1, 1.3, 3),
				new Bar(server("2026-12-01T00:00"), 1.4, 1.4, 1.4, 1.4, 1));
	}

	@Test
	void aSundayTickOpensTheNewWeek() {
		tick("2026-11-28T10:00:00Z", 1.1); // Saturday
		tick("2026-11-29T21:00:00Z", 1.2); // Sunday 23:00 server

		assertThat(bars(Timeframe.W1)).extracting(Bar::openTime)
			.containsExactly(server("2026-11-22T00:00"), server("2026-11-29T00:00"));
	}

	@Test
	void barQueriesReturnBarsOpeningInTheHalfOpenRange() {
		for (int minute = 0; minute < 10; minute++) {
			tick("2026-11-24T08:0" + minute + ":30Z", 1.1 + minute / 1000.0);
		}

		List<Bar> bars = history.bars("EURUSD", Timeframe.M1, server("2026-11-24T10:03"), server("2026-11-24T10:06"));

		assertThat(bars).extracting(Bar::openTime).containsExactly(
				server("2026-11-24T10:03"), server("2026-11-24T10:04"), server("2026-11-24T10:05"));
		assertThat(history.lastBar("EURUSD", Timeframe.M1)).get().extracting(Bar::close).isEqualTo(1.109);
	}

	@Test
	void tickHistoryKeepsOnlyTheNewestTicksAndAnswersRanges() {
		MarketHistory small = new MarketHistory(SERVER, 3, 10);
		Instant t0 = Instant.parse("2026-11-24T08:00:00Z");
		for (int i = 0; i < 5; i++) {
			small.onTick(new Tick("EURUSD", t0.plusSeconds(i), 1.1 + i / 10000.0, 1.1002 + i / 10000.0));
		}

		assertThat(small.ticks("EURUSD", Instant.EPOCH, t0.plusSeconds(100))).extracting(Tick::time)
			.containsExactly(t0.plusSeconds(2), t0.plusSeconds(3), t0.plusSeconds(4));
		assertThat(small.ticks("EURUSD", t0.plusSeconds(3), t0.plusSeconds(4))).singleElement()
			.isEqualTo(new Tick("EURUSD", t0.plusSeconds(3), 1.1003, 1.1005));
		assertThat(small.ticks("GBPUSD", Instant.EPOCH, t0)).isEmpty();
	}

	@Test
	void barsAreBoundedPerTimeframe() {
		MarketHistory small = new MarketHistory(SERVER, 10, 2);
		Instant t0 = Instant.parse("2026-11-24T08:00:00Z");
		for (int i = 0; i < 5; i++) {
			small.onTick(new Tick("EURUSD", t0.plusSeconds(60L * i), 1.1, 1.1002));
		}

		assertThat(small.bars("EURUSD", Timeframe.M1, Instant.EPOCH, t0.plusSeconds(3600)))
			.extracting(Bar::openTime).containsExactly(t0.plusSeconds(180), t0.plusSeconds(240));
	}

	@Test
	void ticksAfterAnEditedNewestBarExtendItAndAFullRingKeepsTheNewestBars() {
		MarketHistory small = new MarketHistory(SERVER, 10, 2);
		Bar edited = new Bar(server("2026-11-24T10:00"), 1.1, 1.2, 1.0, 1.1, 7);
		small.putBars("EURUSD", Timeframe.H1, List.of(edited), false);

		small.onTick(new Tick("EURUSD", Instant.parse("2026-11-24T08:30:00Z"), 1.25, 1.2502));

		assertThat(small.bars("EURUSD", Timeframe.H1, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
			.containsExactly(new Bar(server("2026-11-24T10:00"), 1.1, 1.25, 1.0, 1.25, 8));
		small.putBars("EURUSD", Timeframe.H1, List.of(new Bar(server("2026-11-24T08:00"), 1, 1, 1, 1, 1),
				new Bar(server("2026-11-24T09:00"), 1, 1, 1, 1, 1)), false);
		// Two bars of capacity: 09:00 and 10:00 stay; 08:00 went in before the ring was full and was then dropped.
		assertThat(small.bars("EURUSD", Timeframe.H1, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))).extracting(Bar::openTime)
			.containsExactly(server("2026-11-24T09:00"), server("2026-11-24T10:00"));
	}
}

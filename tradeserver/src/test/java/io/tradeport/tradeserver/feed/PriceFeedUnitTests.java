package io.tradeport.tradeserver.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.MarketHoliday;
import io.tradeport.tradeserver.engine.MarketHolidays;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeSessions;

class PriceFeedUnitTests {

	private static final ZoneId SERVER = ZoneOffset.ofHours(2);
	/** Monday 2026-11-23 00:00 server time. */
	private static final Instant MONDAY = LocalDateTime.parse("2026-11-23T00:00").atZone(SERVER).toInstant();

	private static List<Tick> run(PriceFeed feed, Instant until) {
		List<Tick> ticks = new ArrayList<>();
		feed.advanceTo(until, ticks::add);
		return ticks;
	}

	private static LocalDateTime server(Tick tick) {
		return LocalDateTime.ofInstant(tick.time(), SERVER);
	}

	@Test
	void noTicksOnTheWeekendOrOutsideSessionsOrOnHolidays() {
		Instrument eurusd = Instrument.forex("EURUSD", 5, 1.10, 0.08, 10);
		Instrument dax = Instrument.forex("GER40", 1, 19000, 0.18, 20)
			.withSessions(TradeSessions.weekdays(TradeSessions.Window.of(9, 0, 17, 30)));
		MarketHolidays thanksgiving = MarketHolidays.of(List.of(new MarketHoliday(2026, 11, 26, 0, 0, "EUR*")));
		PriceFeed feed = new PriceFeed(List.of(eurusd, dax), SERVER, 7, MONDAY, () -> thanksgiving);

		List<Tick> ticks = run(feed, MONDAY.plus(Duration.ofDays(8)));

		assertThat(ticks).isNotEmpty().allSatisfy(tick -> {
			LocalDateTime local = server(tick);
			assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		});
		assertThat(ticks).filteredOn(t -> t.symbol().equals("EURUSD")).isNotEmpty()
			.noneMatch(t -> server(t).toLocalDate().equals(LocalDate.parse("2026-11-26")));
		assertThat(ticks).filteredOn(t -> t.symbol().equals("GER40")).isNotEmpty().allSatisfy(tick -> {
			int minute = server(tick).getHour() * 60 + server(tick).getMinute();
			assertThat(minute).isBetween(9 * 60, 17 * 60 + 29);
		});
		// Thanksgiving closes EURUSD only; the index still quotes that day.
		assertThat(ticks).filteredOn(t -> server(t).toLocalDate().equals(LocalDate.parse("2026-11-26")))
			.extracting(Tick::symbol).containsOnly("GER40").isNotEmpty();
		assertThat(feed.isOpen("EURUSD", LocalDateTime.parse("2026-11-28T12:00").atZone(SERVER).toInstant())).isFalse();
		assertThat(feed.isOpen("EURUSD", LocalDateTime.parse("2026-11-27T12:00").atZone(SERVER).toInstant())).isTrue();
	}

	@Test
	void anInstrumentMadeFromAnEngineSymbolQuotesInItsSessionsWithItsDigits() {
		SymbolConfig index = SymbolConfig.builder("US500").digits(1)
			.sessions(TradeSessions.weekdays(TradeSessions.Window.of(15, 30, 22, 0))).build();
		PriceFeed feed = new PriceFeed(List.of(Instrument.of(index, 6000, 0.15, 5)), SERVER, 1, MONDAY);

		List<Tick> ticks = run(feed, MONDAY.plus(Duration.ofDays(2)));

		assertThat(ticks).isNotEmpty().allSatisfy(tick -> {
			int minute = server(tick).getHour() * 60 + server(tick).getMinute();
			assertThat(minute).isBetween(15 * 60 + 30, 22 * 60 - 1);
			assertThat(tick.bid() * 10).isCloseTo(Math.rint(tick.bid() * 10), within(1e-6));
		});
	}

	@Test
	void theSameSeedGivesTheSameTicksHoweverOftenTheFeedIsAdvanced() {
		List<Instrument> instruments = List.of(Instrument.forex("EURUSD", 5, 1.10, 0.08, 10),
				Instrument.forex("USDJPY", 3, 150, 0.10, 12));
		PriceFeed once = new PriceFeed(instruments, SERVER, 42, MONDAY);
		PriceFeed often = new PriceFeed(instruments, SERVER, 42, MONDAY);
		PriceFeed otherSeed = new PriceFeed(instruments, SERVER, 43, MONDAY);
		Instant end = MONDAY.plus(Duration.ofHours(3));

		List<Tick> a = run(once, end);
		List<Tick> b = new ArrayList<>();
		for (Instant t = MONDAY; !t.isAfter(end); t = t.plusMillis(777)) {
			often.advanceTo(t, b::add);
		}
		often.advanceTo(end, b::add);

		assertThat(a).hasSizeGreaterThan(10_000).isEqualTo(b);
		assertThat(run(otherSeed, end)).isNotEqualTo(a);
		assertThat(a).isSortedAccordingTo(Comparator.comparing(Tick::time));
	}

	@Test
	void realisedVolatilityIsRoughlyTheConfiguredOne() {
		double sigma = 0.10;
		Instrument eurusd = Instrument.forex("EURUSD", 5, 1.10, sigma, 10).withTickRate(6)
			.withSessions(TradeSessions.ALWAYS);
		PriceFeed feed = new PriceFeed(List.of(eurusd), SERVER, 11, MONDAY);
		MarketHistory history = new MarketHistory(SERVER, 16, 100_000);
		Instant end = MONDAY.plus(Duration.ofDays(120));
		feed.advanceTo(end, history::onTick);

		List<Bar> hours = history.bars("EURUSD", Timeframe.H1, MONDAY, end);
		double sum = 0;
		double sumSquares = 0;
		int n = hours.size() - 1;
		for (int i = 1; i < hours.size(); i++) {
			double r = Math.log(hours.get(i).close() / hours.get(i - 1).close());
			sum += r;
			sumSquares += r * r;
		}
		double variance = sumSquares / n - (sum / n) * (sum / n);
		double annualised = Math.sqrt(variance * 365 * 24);

		assertThat(n).isGreaterThan(2800);
		assertThat(annualised).isCloseTo(sigma, within(sigma * 0.1));
	}

	@Test
	void spreadsWidenOutsideLiquidHoursAndPricesHaveTheSymbolsDigits() {
		PriceFeed feed = new PriceFeed(List.of(Instrument.forex("EURUSD", 5, 1.10, 0.08, 10)), SERVER, 3, MONDAY);

		List<Tick> ticks = run(feed, MONDAY.plus(Duration.ofDays(1)));

		double liquid = averageSpreadPoints(ticks, true);
		double offHours = averageSpreadPoints(ticks, false);
		assertThat(liquid).isBetween(9.0, 11.0);
		assertThat(offHours).isBetween(27.0, 33.0);
		assertThat(ticks).allSatisfy(t -> {
			assertThat(Math.abs(t.bid() * 1e5 - Math.round(t.bid() * 1e5))).isLessThan(1e-6);
			assertThat(t.ask()).isGreaterThan(t.bid());
		});
	}

	private static double averageSpreadPoints(List<Tick> ticks, boolean liquid) {
		return ticks.stream()
			.filter(t -> (server(t).getHour() >= 8 && server(t).getHour() < 20) == liquid)
			.mapToDouble(t -> (t.ask() - t.bid()) * 1e5)
			.average().orElseThrow();
	}
}

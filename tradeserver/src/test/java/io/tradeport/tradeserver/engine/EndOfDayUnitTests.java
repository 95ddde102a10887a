package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.SymbolConfig.SwapType;

/** End of day is at 00:00 server time (UTC); the fixture starts on Tuesday 2026-11-24 10:00. */
class EndOfDayUnitTests {

	private static final Instant WEDNESDAY = Instant.parse("2026-11-25T00:00:00Z");
	private static final Instant THURSDAY = Instant.parse("2026-11-26T00:00:00Z");
	private static final Instant SATURDAY = Instant.parse("2026-11-28T00:00:00Z");
	private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");
	private static final Instant TUESDAY = Instant.parse("2026-12-01T00:00:00Z");

	@Test
	void pointSwapsAreChargedEachWeekdayAndTripledOnTheTripleSwapDay() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).swap(SwapType.POINTS, -5, 2).build());
		f.account(1, 10_000);
		Ticket buy = f.buy(1, "EURUSD", 100);
		Ticket sell = f.sell(1, "EURUSD", 100);

		// Tuesday: 1 lot * -5 points * 0.00001 * 100,000 = -5.00 USD
		runUntil(f, WEDNESDAY);
		assertThat(f.trade(buy).storage()).isEqualTo(-5.00);
		assertThat(f.trade(sell).storage()).isEqualTo(2.00);

		// Wednesday is the triple-swap day.
		runUntil(f, THURSDAY);
		assertThat(f.trade(buy).storage()).isEqualTo(-20.00);
		assertThat(f.trade(sell).storage()).isEqualTo(8.00);

		// Thursday and Friday single, Saturday and Sunday nothing.
		runUntil(f, MONDAY);
		assertThat(f.trade(buy).storage()).isEqualTo(-30.00);

		runUntil(f, TUESDAY);
		assertThat(f.trade(buy).storage()).isEqualTo(-35.00);
	}

	@Test
	void theTripleSwapDayIsTheSymbolsSetting() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).swap(SwapType.POINTS, -5, 2)
			.tripleSwapDay(DayOfWeek.FRIDAY).build());
		f.account(1, 10_000);
		Ticket buy = f.buy(1, "EURUSD", 100);

		runUntil(f, SATURDAY);

		// Tuesday, Wednesday, Thursday single; Friday triple.
		assertThat(f.trade(buy).storage()).isEqualTo(-30.00);
	}

	@Test
	void pointSwapsOfAYenPairAreConvertedIntoTheAccountCurrency() {
		EngineFixture f = EngineFixture.majors().symbol(forex("USDJPY", 3).swap(SwapType.POINTS, 10, -20).build());
		f.account(1, 10_000);
		Ticket buy = f.buy(1, "USDJPY", 100);

		runUntil(f, WEDNESDAY);

		// 10 points * 0.001 * 100,000 = 1,000 JPY / USDJPY ask 150.020 = 6.6658
		assertThat(f.trade(buy).storage()).isEqualTo(6.67);
	}

	@Test
	void baseCurrencySwapsAreConvertedFromTheBaseCurrency() {
		EngineFixture f = EngineFixture.majors()
			.symbol(forex("EURUSD", 5).swap(SwapType.BASE_CURRENCY, -3, 1).build());
		f.account(1, 10_000);
		Ticket buy = f.buy(1, "EURUSD", 100);

		runUntil(f, WEDNESDAY);

		// -3 EUR per lot at EURUSD bid 1.10000
		assertThat(f.trade(buy).storage()).isEqualTo(-3.30);
	}

	@Test
	void interestSwapsUseTheAnnualRateOver360DaysOfTheCurrentOrOpenPrice() {
		SymbolConfig.Builder eurusd = forex("EURUSD", 5).swap(SwapType.INTEREST, -2, 1);
		EngineFixture f = EngineFixture.majors().symbol(eurusd.build());
		f.account(1, 20_000);
		Ticket current = f.buy(1, "EURUSD", 1000);
		runUntil(f, WEDNESDAY);
		// 10 lots * 100,000 * bid 1.10000 * -2 % / 360 = -61.111
		assertThat(f.trade(current).storage()).isEqualTo(-61.11);

		EngineFixture g = EngineFixture.majors().symbol(eurusd.swapOpenPrice(true).build());
		g.account(1, 20_000);
		Ticket open = g.buy(1, "EURUSD", 1000);
		runUntil(g, WEDNESDAY);
		// 10 lots * 100,000 * open 1.10020 * -2 % / 360 = -61.122
		assertThat(g.trade(open).storage()).isEqualTo(-61.12);
	}

	@Test
	void groupsWithoutSwapsPayNoneAndGroupOverridesReplaceTheSymbolsSwaps() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).swap(SwapType.POINTS, -5, 2).build())
			.group(group("noswap", "USD").useSwap(false).build())
			.group(group("vip", "USD").symbolMargin("EURUSD", new GroupConfig.SymbolMargin(-1, 0.5, 1)).build());
		f.account(1, "noswap", 10_000);
		f.account(2, "vip", 10_000);
		Ticket none = f.buy(1, "EURUSD", 100);
		Ticket vip = f.buy(2, "EURUSD", 100);

		runUntil(f, WEDNESDAY);

		assertThat(f.trade(none).storage()).isZero();
		assertThat(f.trade(vip).storage()).isEqualTo(-1.00);
	}

	@Test
	void swapsMoveEquityWhileOpenAndTheBalanceOnClose() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).swap(SwapType.POINTS, -5, 2).build());
		Login login = f.account(1, 10_000);
		Ticket buy = f.buy(1, "EURUSD", 100);
		runUntil(f, WEDNESDAY);

		assertThat(f.state(login).equity()).isEqualTo(10_000 - 20 - 5);
		f.engine.close(buy);
		assertThat(f.closed(buy).storage()).isEqualTo(-5.00);
		assertThat(f.state(login).balance()).isEqualTo(9_975.00);
	}

	@Test
	void dailyReportSummarisesTheDayPerAccount() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).swap(SwapType.POINTS, -5, 2).build());
		Login login = f.account(1, 10_000);
		Ticket first = f.buy(1, "EURUSD", 100);
		f.quote("EURUSD", 1.10500, 1.10520);
		f.engine.close(first);
		f.buy(1, "EURUSD", 100);
		f.engine.balance(login, -100, "Withdrawal");
		f.engine.credit(login, 50, "Bonus");

		runUntil(f, WEDNESDAY);

		DailyReport report = f.events.reports.getFirst();
		assertThat(report.login()).isEqualTo(login);
		assertThat(report.tradingDay()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(report.time()).isEqualTo(WEDNESDAY);
		assertThat(report.group()).isEqualTo("usd");
		assertThat(report.balancePrev()).isZero();
		assertThat(report.balance()).isEqualTo(10_380.00);
		assertThat(report.deposit()).isEqualTo(9_900.00);
		assertThat(report.credit()).isEqualTo(50.00);
		assertThat(report.profitClosed()).isEqualTo(480.00);
		// The open buy at 1.10520 valued at 1.10500 (-20) plus Tuesday's swap (-5)
		assertThat(report.profit()).isEqualTo(-25.00);
		assertThat(report.equity()).isEqualTo(10_405.00);
		assertThat(report.margin()).isEqualTo(1_105.20);
		assertThat(report.marginFree()).isEqualTo(9_299.80);

		runUntil(f, THURSDAY);
		DailyReport next = f.events.reports.get(1);
		assertThat(next.balancePrev()).isEqualTo(10_380.00);
		assertThat(next.deposit()).isZero();
		assertThat(next.profitClosed()).isZero();
		assertThat(next.profit()).isEqualTo(-20 - 5 - 15.0);
	}

	@Test
	void weekendsHaveNoReportsUnlessStatementWeekendIsOn() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		runUntil(f, TUESDAY);
		assertThat(f.events.reports).extracting(DailyReport::tradingDay).extracting(LocalDate::getDayOfWeek)
			.containsExactly(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY,
					DayOfWeek.MONDAY);

		EngineFixture weekend = new EngineFixture(new EngineSettings(java.time.ZoneOffset.UTC, LocalTime.MIDNIGHT, true, 1))
			.group(group("usd", "USD").build());
		weekend.account(1, 10_000);
		runUntil(weekend, TUESDAY);
		assertThat(weekend.events.reports).hasSize(7);
	}

	@Test
	void endOfDayFollowsTheServerTimeZoneAndHour() {
		// Server time UTC+2, end of day at 23:00 server time = 21:00 UTC.
		EngineFixture f = new EngineFixture(EngineSettings.defaults().withServerZone(java.time.ZoneOffset.ofHours(2))
			.withEndOfDay(LocalTime.of(23, 0)))
			.group(group("usd", "USD").build());
		f.account(1, 10_000);

		runUntil(f, Instant.parse("2026-11-24T20:59:59Z"));
		assertThat(f.events.reports).isEmpty();
		runUntil(f, Instant.parse("2026-11-24T21:00:00Z"));
		assertThat(f.events.reports).singleElement().extracting(DailyReport::tradingDay)
			.isEqualTo(LocalDate.of(2026, 11, 24));
	}

	/** Moves the clock hour by hour so every end of day runs at its own time. */
	private static void runUntil(EngineFixture f, Instant until) {
		while (f.clock.instant().isBefore(until)) {
			Instant next = f.clock.instant().plusSeconds(3600);
			f.clock.set(next.isAfter(until) ? until : next);
			f.engine.processTimers();
		}
	}
}

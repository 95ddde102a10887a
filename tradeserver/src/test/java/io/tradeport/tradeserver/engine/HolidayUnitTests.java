package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.TradeCommand.BUY;
import static io.tradeport.tradeserver.engine.TradeCommand.BUY_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Holidays close trading like the end of a session (MARKET_CLOSED). The fixture's clock starts on
 * Tuesday 2026-11-24 10:00 server time (UTC); Thursday 2026-11-26 is Thanksgiving.
 */
class HolidayUnitTests {

	private static final Duration TO_THANKSGIVING = Duration.ofDays(2);

	private static ReturnCode buy(EngineFixture f) {
		return f.engine.open(OpenOrder.market(1, "EURUSD", BUY, 100)).code();
	}

	private static EngineFixture withHolidays(MarketHoliday... holidays) {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		f.engine.putHolidays(List.of(holidays));
		return f;
	}

	@Test
	void aWholeDayHolidayRefusesTradingThatDayOnlyAsMarketClosed() {
		EngineFixture f = withHolidays(MarketHoliday.allDay(2026, 11, 26));

		assertThat(buy(f)).isEqualTo(ReturnCode.OK);
		f.clock.advance(TO_THANKSGIVING.minusHours(10)); // Thursday 00:00
		assertThat(buy(f)).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		f.clock.advance(Duration.ofHours(23).plusMinutes(59)); // Thursday 23:59
		assertThat(buy(f)).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		f.clock.advance(Duration.ofMinutes(1)); // Friday 00:00
		assertThat(buy(f)).isEqualTo(ReturnCode.OK);
	}

	@Test
	void aPartialHolidayClosesOnlyItsMinutes() {
		// Closed from 13:00 (780) to 17:30 (1050), exclusive.
		EngineFixture f = withHolidays(new MarketHoliday(2026, 11, 26, 780, 1050, "*"));
		f.clock.advance(TO_THANKSGIVING.plusHours(2).plusMinutes(59)); // 12:59

		assertThat(buy(f)).isEqualTo(ReturnCode.OK);
		f.clock.advance(Duration.ofMinutes(1));
		assertThat(buy(f)).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		f.clock.advance(Duration.ofMinutes(269)); // 17:29
		assertThat(buy(f)).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		f.clock.advance(Duration.ofMinutes(1));
		assertThat(buy(f)).isEqualTo(ReturnCode.OK);
	}

	@Test
	void yearZeroRepeatsTheHolidayEveryYear() {
		EngineFixture f = withHolidays(MarketHoliday.allDay(0, 11, 26));
		f.clock.set(Instant.parse("2031-11-26T12:00:00Z")); // a Wednesday

		assertThat(buy(f)).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
	}

	@Test
	void aHolidayClosesOnlyTheSymbolsItsMaskNames() {
		EngineFixture f = withHolidays(new MarketHoliday(2026, 11, 26, 0, 0, "EUR*,!EURJPY"));
		f.clock.advance(TO_THANKSGIVING);

		assertThat(buy(f)).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		assertThat(f.engine.open(OpenOrder.market(1, "EURJPY", BUY, 100)).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.engine.open(OpenOrder.market(1, "GBPUSD", BUY, 100)).code()).isEqualTo(ReturnCode.OK);
	}

	@Test
	void closingModifyingAndPlacingOrdersAreRefusedOnTheHolidayToo() {
		EngineFixture f = withHolidays(MarketHoliday.allDay(2026, 11, 26));
		Ticket position = f.buy(1, "EURUSD", 100);
		Ticket limit = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09000));
		f.clock.advance(TO_THANKSGIVING);

		assertThat(f.engine.close(position).code()).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		assertThat(f.engine.modify(ModifyOrder.stops(position.value(), 1.09000, 0)).code()).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		assertThat(f.engine.activate(limit).code()).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		assertThat(f.engine.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09000)).code())
			.isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
		assertThat(f.engine.openTrades(Login.of(1))).hasSize(2);
	}

	@Test
	void replacingTheHolidaysAppliesAtOnce() {
		EngineFixture f = withHolidays(MarketHoliday.allDay(2026, 11, 24));
		assertThat(buy(f)).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);

		f.engine.putHolidays(List.of());

		assertThat(buy(f)).isEqualTo(ReturnCode.OK);
	}

	@Test
	void holidaysAreExportedAndRestoredWithTheState() {
		EngineFixture f = withHolidays(MarketHoliday.allDay(2026, 11, 24), new MarketHoliday(0, 12, 25, 0, 720, "US30"));

		TradeEngine restored = TradeEngine.restore(f.engine.exportState(), f.clock, EngineSettings.defaults(), EngineListener.NONE);

		assertThat(restored.holidays()).isEqualTo(f.engine.holidays());
		assertThat(restored.open(OpenOrder.market(1, "EURUSD", BUY, 100)).code()).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
	}

	@Test
	void impossibleHolidaysAreRefused() {
		assertThatThrownBy(() -> MarketHoliday.allDay(2026, 13, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> MarketHoliday.allDay(2026, 2, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MarketHoliday(2026, 2, 1, 600, 600, "*")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new MarketHoliday(2026, 2, 1, 0, 1441, "*")).isInstanceOf(IllegalArgumentException.class);
	}
}

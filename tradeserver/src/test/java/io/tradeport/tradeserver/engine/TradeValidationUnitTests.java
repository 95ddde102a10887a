package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static io.tradeport.tradeserver.engine.TradeCommand.BUY;
import static io.tradeport.tradeserver.engine.TradeCommand.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.SymbolConfig.TradeMode;
import io.tradeport.tradeserver.engine.TradeSessions.Window;

class TradeValidationUnitTests {

	@Test
	void volumeOutsideTheGroupsLotLimitsOrStepIsInvalid() {
		EngineFixture f = EngineFixture.majors()
			.group(group("usd", "USD").defaultSecurity(GroupConfig.Security.DEFAULT.withLots(10, 500, 10)).build());
		f.account(1, 100_000);

		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 5))).isEqualTo(ReturnCode.TRADE_BAD_VOLUME);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 15))).isEqualTo(ReturnCode.TRADE_BAD_VOLUME);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 510))).isEqualTo(ReturnCode.TRADE_BAD_VOLUME);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 0))).isEqualTo(ReturnCode.TRADE_BAD_VOLUME);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 20))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void securityTypeSettingsApplyPerSymbolType() {
		EngineFixture f = EngineFixture.majors()
			.symbol(SymbolConfig.forex("XAUUSD", 2).type(3).contractSize(100).build())
			.quote("XAUUSD", 2000.00, 2000.50)
			.group(group("usd", "USD").security(3, GroupConfig.Security.DEFAULT.withTrade(false)).build());
		f.account(1, 100_000);

		assertThat(open(f, OpenOrder.market(1, "XAUUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_DISABLE);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void tradingOutsideTheSymbolsSessionsIsRefusedAsMarketClosed() {
		// The fixture's clock is Tuesday 10:00 server time.
		EngineFixture f = EngineFixture.majors()
			.symbol(forex("EURUSD", 5).sessions(TradeSessions.weekdays(Window.of(12, 0, 17, 0))).build());
		f.account(1, 10_000);

		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);

		f.clock.advance(Duration.ofHours(2));
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.OK);

		f.clock.advance(Duration.ofHours(5));
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
	}

	@Test
	void aDayWithoutSessionsIsClosedAllDay() {
		EngineFixture f = EngineFixture.majors()
			.symbol(forex("EURUSD", 5).sessions(TradeSessions.ALWAYS.with(DayOfWeek.TUESDAY)).build());
		f.account(1, 10_000);

		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
	}

	@Test
	void closingOutsideTheSessionIsRefusedToo() {
		EngineFixture f = EngineFixture.majors()
			.symbol(forex("EURUSD", 5).sessions(TradeSessions.weekdays(Window.of(8, 0, 17, 0))).build());
		f.account(1, 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 100);
		f.clock.advance(Duration.ofHours(8));

		assertThat(f.engine.close(ticket).code()).isEqualTo(ReturnCode.TRADE_MARKET_CLOSED);
	}

	@Test
	void aSymbolWithoutQuotesIsOffQuotes() {
		EngineFixture f = EngineFixture.majors().symbol(forex("AUDUSD", 5).build());
		f.account(1, 10_000);

		assertThat(open(f, OpenOrder.market(1, "AUDUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_OFFQUOTES);
	}

	@Test
	void aMissingConversionQuoteIsOffQuotes() {
		EngineFixture f = EngineFixture.majors().symbol(forex("AUDCAD", 5).build()).symbol(forex("USDCAD", 5).build())
			.symbol(forex("AUDUSD", 5).build())
			.quote("AUDCAD", 0.90000, 0.90020);
		f.account(1, 10_000);

		// CAD profit needs USDCAD and AUD margin needs AUDUSD, neither is quoted yet.
		assertThat(open(f, OpenOrder.market(1, "AUDCAD", BUY, 100))).isEqualTo(ReturnCode.TRADE_OFFQUOTES);

		f.quote("USDCAD", 1.40000, 1.40020).quote("AUDUSD", 0.65000, 0.65020);
		assertThat(open(f, OpenOrder.market(1, "AUDCAD", BUY, 100))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void disabledSymbolRefusesEverythingAndCloseOnlyRefusesOnlyNewOrders() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket first = f.buy(1, "EURUSD", 100);
		Ticket second = f.buy(1, "EURUSD", 100);

		f.symbol(forex("EURUSD", 5).tradeMode(TradeMode.CLOSE_ONLY).build());
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_DISABLE);
		assertThat(f.engine.close(first).code()).isEqualTo(ReturnCode.OK);

		f.symbol(forex("EURUSD", 5).tradeMode(TradeMode.DISABLED).build());
		assertThat(f.engine.close(second).code()).isEqualTo(ReturnCode.TRADE_DISABLE);
	}

	@Test
	void readOnlyAccountsCannotTradeAndDisabledAccountsAreRefusedAsDisabled() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		f.account(2, 10_000);
		f.engine.putAccount(AccountConfig.of(1, "usd").withReadOnly(true));
		f.engine.putAccount(AccountConfig.of(2, "usd").withEnabled(false));

		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_DISABLE);
		assertThat(open(f, OpenOrder.market(2, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.ACCOUNT_DISABLED);
	}

	@Test
	void anOrderWhoseMarginExceedsTheFreeMarginIsRefusedWithNoMoney() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 1_000);

		// Needs 1,100.20 of margin with 1,000 of equity.
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.TRADE_NO_MONEY);
		assertThat(f.engine.openTrades(login)).isEmpty();
		assertThat(f.margin(login).margin()).isZero();
		// 0.9 lot needs 990.18 against 982 of equity (the spread costs 18); 0.8 lot needs 880.16.
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 90))).isEqualTo(ReturnCode.TRADE_NO_MONEY);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 80))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void aHedgingOrderThatLowersTheMarginIsAcceptedEvenWithoutFreeMargin() {
		EngineFixture f = EngineFixture.majors()
			.group(group("usd", "USD").levels(GroupConfig.MarginType.PERCENT, 10, 5).build());
		Login login = f.account(1, 1_200);
		f.buy(1, "EURUSD", 100);
		f.quote("EURUSD", 1.09000, 1.09020);
		assertThat(f.margin(login).freeMargin()).isNegative();

		assertThat(open(f, OpenOrder.market(1, "EURUSD", SELL, 100))).isEqualTo(ReturnCode.OK);
		assertThat(f.margin(login).margin()).isZero();
	}

	@Test
	void stopsCloserThanTheStopsLevelOrOnTheWrongSideAreInvalid() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).stopsLevel(50).build());
		f.account(1, 10_000);
		OpenOrder buy = OpenOrder.market(1, "EURUSD", BUY, 100);

		// A buy's stops are measured from the bid, 1.10000; 50 points = 0.00050.
		assertThat(open(f, buy.withStops(1.09960, 0))).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(open(f, buy.withStops(0, 1.10040))).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(open(f, buy.withStops(1.10100, 0))).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(open(f, buy.withStops(1.09950, 1.10050))).isEqualTo(ReturnCode.OK);

		OpenOrder sell = OpenOrder.market(1, "EURUSD", SELL, 100);
		// A sell's stops are measured from the ask, 1.10020.
		assertThat(open(f, sell.withStops(1.10060, 0))).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(open(f, sell.withStops(1.10070, 1.09970))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void aRequestedPriceOutsideTheDeviationIsRequoted() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		OpenOrder buy = OpenOrder.market(1, "EURUSD", BUY, 100);

		assertThat(open(f, buy.withPrice(1.10000, 10))).isEqualTo(ReturnCode.TRADE_REQUOTE);
		assertThat(open(f, buy.withPrice(1.10000, 20))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void longOnlySymbolsRefuseSells() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).longOnly(true).build());
		f.account(1, 10_000);

		assertThat(open(f, OpenOrder.market(1, "EURUSD", SELL, 100))).isEqualTo(ReturnCode.TRADE_LONG_ONLY);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void maxPositionsCountsPositionsAndPendingOrders() {
		EngineFixture f = EngineFixture.majors().group(group("usd", "USD").maxPositions(2).build());
		f.account(1, 10_000);
		f.buy(1, "EURUSD", 10);
		f.open(OpenOrder.pending(1, "EURUSD", TradeCommand.BUY_LIMIT, 10, 1.09000));

		assertThat(open(f, OpenOrder.market(1, "USDJPY", BUY, 10))).isEqualTo(ReturnCode.TRADE_TOO_MANY_ORDERS);
	}

	@Test
	void hedgeProhibitedGroupsRefuseTheOppositeDirection() {
		EngineFixture f = EngineFixture.majors().group(group("usd", "USD").hedgeProhibited(true).build());
		f.account(1, 10_000);
		f.buy(1, "EURUSD", 10);

		assertThat(open(f, OpenOrder.market(1, "EURUSD", SELL, 10))).isEqualTo(ReturnCode.TRADE_HEDGE_PROHIBITED);
		assertThat(open(f, OpenOrder.market(1, "GBPUSD", SELL, 10))).isEqualTo(ReturnCode.OK);
	}

	@Test
	void fifoGroupsMustCloseTheOldestPositionOfASymbolFirst() {
		EngineFixture f = EngineFixture.majors().group(group("usd", "USD").closeFifo(true).build());
		f.account(1, 10_000);
		Ticket oldest = f.buy(1, "EURUSD", 20);
		f.clock.advance(Duration.ofMinutes(1));
		Ticket newer = f.buy(1, "EURUSD", 10);
		Ticket otherSymbol = f.buy(1, "GBPUSD", 10);

		assertThat(f.engine.close(newer).code()).isEqualTo(ReturnCode.TRADE_PROHIBITED_BY_FIFO);
		assertThat(f.engine.close(otherSymbol).code()).isEqualTo(ReturnCode.OK);
		// The remainder of a partial close keeps the original open time, so it is still the oldest.
		assertThat(f.engine.close(oldest, 10).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.engine.close(newer).code()).isEqualTo(ReturnCode.TRADE_PROHIBITED_BY_FIFO);
	}

	@Test
	void fifoGroupsCloseByOnlyTheOldestPositionOfEachSide() {
		EngineFixture f = EngineFixture.majors().group(group("usd", "USD").closeFifo(true).build());
		f.account(1, 10_000);
		Ticket oldestBuy = f.buy(1, "EURUSD", 10);
		f.clock.advance(Duration.ofMinutes(1));
		Ticket oldestSell = f.sell(1, "EURUSD", 10);
		f.clock.advance(Duration.ofMinutes(1));
		Ticket newerBuy = f.buy(1, "EURUSD", 10);
		Ticket newerSell = f.sell(1, "EURUSD", 10);

		assertThat(f.engine.closeBy(newerBuy, oldestSell).code()).isEqualTo(ReturnCode.TRADE_PROHIBITED_BY_FIFO);
		assertThat(f.engine.closeBy(oldestBuy, newerSell).code()).isEqualTo(ReturnCode.TRADE_PROHIBITED_BY_FIFO);
		assertThat(f.engine.openTrades(Login.of(1))).hasSize(4);
		assertThat(f.engine.closeBy(oldestBuy, oldestSell).code()).isEqualTo(ReturnCode.OK);
		// Now the newer pair is the oldest of each side.
		assertThat(f.engine.closeBy(newerSell, newerBuy).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.engine.openTrades(Login.of(1))).isEmpty();
	}

	@Test
	void withoutFifoAnyOppositePairClosesBy() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		f.buy(1, "EURUSD", 10);
		f.clock.advance(Duration.ofMinutes(1));
		Ticket sell = f.sell(1, "EURUSD", 10);
		Ticket newerBuy = f.buy(1, "EURUSD", 10);

		assertThat(f.engine.closeBy(newerBuy, sell).code()).isEqualTo(ReturnCode.OK);
	}

	@Test
	void unknownAccountSymbolOrCommandIsInvalidData() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);

		assertThat(open(f, OpenOrder.market(2, "EURUSD", BUY, 10))).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(open(f, OpenOrder.market(1, "NOPE", BUY, 10))).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", TradeCommand.BALANCE, 10))).isEqualTo(ReturnCode.INVALID_DATA);
		assertThat(f.engine.close(Ticket.of(999)).code()).isEqualTo(ReturnCode.INVALID_DATA);
	}

	@Test
	void returnCodesCarryMt4Numbers() {
		assertThat(ReturnCode.TRADE_BAD_STOPS.code()).isEqualTo(130);
		assertThat(ReturnCode.TRADE_BAD_VOLUME.code()).isEqualTo(131);
		assertThat(ReturnCode.TRADE_MARKET_CLOSED.code()).isEqualTo(132);
		assertThat(ReturnCode.TRADE_DISABLE.code()).isEqualTo(133);
		assertThat(ReturnCode.TRADE_NO_MONEY.code()).isEqualTo(134);
		assertThat(ReturnCode.TRADE_OFFQUOTES.code()).isEqualTo(136);
		assertThat(ReturnCode.TRADE_REQUOTE.code()).isEqualTo(138);
		assertThat(ReturnCode.TRADE_HEDGE_PROHIBITED.code()).isEqualTo(149);
		assertThat(TradeCommand.SELL_STOP.code()).isEqualTo(5);
		assertThat(TradeCommand.CREDIT.code()).isEqualTo(7);
	}

	private static ReturnCode open(EngineFixture f, OpenOrder order) {
		return f.engine.open(order).code();
	}
}

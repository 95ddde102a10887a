package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.TradeCommand.BUY;
import static io.tradeport.tradeserver.engine.TradeCommand.BUY_LIMIT;
import static io.tradeport.tradeserver.engine.TradeCommand.SELL;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.SymbolConfig.Execution;

/**
 * Instant, request and market execution (ConSymbol.exemode) on EURUSD quoted 1.10000 / 1.10020
 * (5 digits, so 1 point is 0.00001 and the spread is 20 points), 1 lot of 100,000 EUR in a USD account.
 */
class ExecutionModeUnitTests {

	private static EngineFixture eurusd(Execution execution) {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).execution(execution).build());
		f.account(1, 10_000);
		return f;
	}

	private static ReturnCode open(EngineFixture f, OpenOrder order) {
		return f.engine.open(order).code();
	}

	@Test
	void instantExecutionFillsAtTheSeenPriceOnlyWithinTheDeviation() {
		EngineFixture f = eurusd(Execution.INSTANT);
		OpenOrder buy = OpenOrder.market(1, "EURUSD", BUY, 100);

		// The client saw 1.10010; the ask is 1.10020, 10 points away.
		assertThat(open(f, buy.withPrice(1.10010, 9))).isEqualTo(ReturnCode.TRADE_REQUOTE);
		Ticket ticket = f.open(buy.withPrice(1.10010, 10));

		assertThat(f.trade(ticket).openPrice()).isEqualTo(1.10020);
	}

	@Test
	void requestExecutionFillsOnlyAtTheQuotedPriceWhateverTheDeviation() {
		EngineFixture f = eurusd(Execution.REQUEST);
		OpenOrder buy = OpenOrder.market(1, "EURUSD", BUY, 100);

		assertThat(open(f, buy.withPrice(1.10019, 50))).isEqualTo(ReturnCode.TRADE_REQUOTE);
		Ticket quoted = f.open(buy.withPrice(1.10020, 0));
		Ticket unpriced = f.open(buy);

		assertThat(f.trade(quoted).openPrice()).isEqualTo(1.10020);
		assertThat(f.trade(unpriced).openPrice()).isEqualTo(1.10020);
	}

	@Test
	void marketExecutionFillsAtTheCurrentPriceWhateverPriceAndDeviationWereAsked() {
		EngineFixture f = eurusd(Execution.MARKET);

		Ticket buy = f.open(OpenOrder.market(1, "EURUSD", BUY, 100).withPrice(1.09000, 0));
		Ticket sell = f.open(OpenOrder.market(1, "EURUSD", SELL, 100).withPrice(1.20000, 3));

		assertThat(f.trade(buy).openPrice()).isEqualTo(1.10020);
		assertThat(f.trade(sell).openPrice()).isEqualTo(1.10000);
	}

	@Test
	void marketExecutionRefusesStopsOnTheOpeningRequestButTakesThemByModify() {
		EngineFixture f = eurusd(Execution.MARKET);
		OpenOrder buy = OpenOrder.market(1, "EURUSD", BUY, 100);

		assertThat(open(f, buy.withStops(1.09000, 0))).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(open(f, buy.withStops(0, 1.12000))).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(f.engine.openTrades(Login.of(1))).isEmpty();

		Ticket ticket = f.open(buy);
		assertThat(f.engine.modify(ModifyOrder.stops(ticket.value(), 1.09000, 1.12000)).code()).isEqualTo(ReturnCode.OK);
		assertThat(f.trade(ticket).sl()).isEqualTo(1.09000);
		assertThat(f.trade(ticket).tp()).isEqualTo(1.12000);
	}

	@Test
	void pendingOrdersAndTheDealersPriceKeepTheirStopsInMarketExecution() {
		EngineFixture f = eurusd(Execution.MARKET);

		Ticket limit = f.open(OpenOrder.pending(1, "EURUSD", BUY_LIMIT, 100, 1.09000).withStops(1.08000, 1.10000));
		TradeResult dealer = f.engine.openAt(OpenOrder.market(1, "EURUSD", BUY, 100).withStops(1.09000, 0), 1.10015);

		assertThat(f.trade(limit).sl()).isEqualTo(1.08000);
		assertThat(dealer.code()).isEqualTo(ReturnCode.OK);
		assertThat(f.trade(dealer.ticket()).openPrice()).isEqualTo(1.10015);
		assertThat(f.trade(dealer.ticket()).sl()).isEqualTo(1.09000);
	}

	@Test
	void aClientCloseIsCheckedLikeAnOpenInEachMode() {
		// Closing the buy at the bid 1.10000 after opening at the ask 1.10020 loses 20 points:
		// 1 lot × 100,000 × 0.00020 = 20.00 USD.
		EngineFixture instant = eurusd(Execution.INSTANT);
		Ticket a = instant.buy(1, "EURUSD", 100);
		assertThat(instant.engine.close(a, 100, 1.09990, 9).code()).isEqualTo(ReturnCode.TRADE_REQUOTE);
		assertThat(instant.engine.close(a, 100, 1.09990, 10).code()).isEqualTo(ReturnCode.OK);
		assertThat(instant.closed(a).closePrice()).isEqualTo(1.10000);
		assertThat(instant.closed(a).profit()).isEqualTo(-20.00);

		EngineFixture request = eurusd(Execution.REQUEST);
		Ticket b = request.buy(1, "EURUSD", 100);
		assertThat(request.engine.close(b, 100, 1.09999, 100).code()).isEqualTo(ReturnCode.TRADE_REQUOTE);
		assertThat(request.engine.close(b, 100, 1.10000, 0).code()).isEqualTo(ReturnCode.OK);

		EngineFixture market = eurusd(Execution.MARKET);
		Ticket c = market.buy(1, "EURUSD", 100);
		assertThat(market.engine.close(c, 100, 1.20000, 0).code()).isEqualTo(ReturnCode.OK);
		assertThat(market.closed(c).closePrice()).isEqualTo(1.10000);
		assertThat(market.state(Login.of(1)).balance()).isEqualTo(9_980.00);
	}

	@Test
	void switchingTheModeAppliesToTheNextOrderAndKeepsOpenPositions() {
		EngineFixture f = eurusd(Execution.INSTANT);
		Ticket open = f.open(OpenOrder.market(1, "EURUSD", BUY, 100).withStops(1.09000, 0));

		f.symbol(forex("EURUSD", 5).execution(Execution.MARKET).build());

		assertThat(f.trade(open).sl()).isEqualTo(1.09000);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100).withStops(1.09000, 0))).isEqualTo(ReturnCode.TRADE_BAD_STOPS);
		assertThat(open(f, OpenOrder.market(1, "EURUSD", BUY, 100).withPrice(1.0, 0))).isEqualTo(ReturnCode.OK);
	}
}

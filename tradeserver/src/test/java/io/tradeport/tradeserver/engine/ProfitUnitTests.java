package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.SymbolConfig.MarginMode;
import io.tradeport.tradeserver.engine.SymbolConfig.ProfitMode;

class ProfitUnitTests {

	@Test
	void forexBuyOpensAtAskAndIsValuedAtBid() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 100);

		assertThat(f.trade(ticket).openPrice()).isEqualTo(1.10020);
		assertThat(f.trade(ticket).profit()).isEqualTo(-20.00);

		f.quote("EURUSD", 1.10500, 1.10520);
		// (1.10500 - 1.10020) * 100,000 * 1 lot
		assertThat(f.trade(ticket).profit()).isEqualTo(480.00);
		assertThat(f.trade(ticket).closePrice()).isEqualTo(1.10500);
		assertThat(f.state(login).equity()).isEqualTo(10_480.00);
	}

	@Test
	void forexSellOpensAtBidAndIsValuedAtAsk() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket ticket = f.sell(1, "GBPUSD", 50);

		assertThat(f.trade(ticket).openPrice()).isEqualTo(1.25000);
		f.quote("GBPUSD", 1.24700, 1.24720);
		// (1.25000 - 1.24720) * 100,000 * 0.5 lot
		assertThat(f.trade(ticket).profit()).isEqualTo(140.00);
	}

	@Test
	void usdJpyProfitIsConvertedIntoUsdThroughTheInverseOfItsOwnQuote() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket ticket = f.buy(1, "USDJPY", 100);

		f.quote("USDJPY", 151.000, 151.020);
		// 98,000 JPY sold for USD at the USDJPY ask: 98,000 / 151.020 = 648.9207
		assertThat(f.trade(ticket).profit()).isEqualTo(648.92);
	}

	@Test
	void eurJpyProfitForAUsdAccountIsConvertedThroughUsdJpy() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket ticket = f.sell(1, "EURJPY", 100);

		f.quote("EURJPY", 164.480, 164.500);
		// (165.000 - 164.500) * 100,000 = 50,000 JPY; / USDJPY ask 150.020 = 333.2889
		assertThat(f.trade(ticket).profit()).isEqualTo(333.29);
		assertThat(f.trade(ticket).convRateOpen()).isEqualTo(1 / 150.020);
	}

	@Test
	void aTickOnTheConversionSymbolRevaluesAccountsHoldingTheCrossOnly() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Ticket ticket = f.sell(1, "EURJPY", 100);
		f.quote("EURJPY", 164.480, 164.500);

		f.quote("USDJPY", 149.980, 150.000);

		// Same 50,000 JPY, now / 150.000
		assertThat(f.trade(ticket).profit()).isEqualTo(333.33);
		assertThat(f.state(login).equity()).isEqualTo(10_333.33);
	}

	@Test
	void eurJpyProfitForAGbpAccountCrossesThroughUsd() {
		EngineFixture f = EngineFixture.majors().group(group("gbp", "GBP").build());
		f.account(1, "gbp", 10_000);
		Ticket ticket = f.sell(1, "EURJPY", 100);

		f.quote("EURJPY", 164.480, 164.500);
		// 50,000 JPY / USDJPY ask 150.020 / GBPUSD ask 1.25020 = 266.5885
		assertThat(f.trade(ticket).profit()).isEqualTo(266.59);
	}

	@Test
	void usdProfitOfEurUsdIsConvertedForAEurAccount() {
		EngineFixture f = EngineFixture.majors().group(group("eur", "EUR").build());
		f.account(1, "eur", 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 100);

		f.quote("EURUSD", 1.10500, 1.10520);
		// 480 USD / EURUSD ask 1.10520 = 434.3105 EUR
		assertThat(f.trade(ticket).profit()).isEqualTo(434.31);
	}

	@Test
	void cfdProfitIsPriceMoveTimesContractSize() {
		EngineFixture f = EngineFixture.majors().symbol(SymbolConfig.builder("AAPL").digits(2).contractSize(100)
			.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD).currencies("USD", "USD").build());
		f.quote("AAPL", 200.00, 200.10);
		f.account(1, 100_000);
		Ticket ticket = f.buy(1, "AAPL", 300);

		f.quote("AAPL", 201.00, 201.10);
		// (201.00 - 200.10) * 100 shares * 3 lots
		assertThat(f.trade(ticket).profit()).isEqualTo(270.00);
	}

	@Test
	void futuresProfitCountsTicksTimesTickValue() {
		EngineFixture f = EngineFixture.majors().symbol(SymbolConfig.builder("CL").digits(2).contractSize(1000)
			.profitMode(ProfitMode.FUTURES).marginMode(MarginMode.FUTURES).marginInitial(5000)
			.tick(10, 0.01).currencies("USD", "USD").build());
		f.quote("CL", 70.00, 70.02);
		f.account(1, 100_000);
		Ticket ticket = f.buy(1, "CL", 200);

		f.quote("CL", 70.52, 70.54);
		// (70.52 - 70.02) / 0.01 tick = 50 ticks * 10 USD * 2 lots; the contract size plays no part
		assertThat(f.trade(ticket).profit()).isEqualTo(1000.00);
	}

	@Test
	void closingRealisesProfitAtTheCloseRateAndRecordsBothRates() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Ticket ticket = f.sell(1, "EURJPY", 100);
		f.quote("EURJPY", 164.480, 164.500);
		f.quote("USDJPY", 149.980, 150.000);

		assertThat(f.engine.close(ticket).isOk()).isTrue();

		TradeRecord closed = f.closed(ticket);
		assertThat(closed.closePrice()).isEqualTo(164.500);
		assertThat(closed.convRateOpen()).isEqualTo(1 / 150.020);
		assertThat(closed.convRateClose()).isEqualTo(1 / 150.000);
		assertThat(closed.profit()).isEqualTo(333.33);
		assertThat(closed.closeTime()).isEqualTo(EngineFixture.TUESDAY_10_00);
		assertThat(f.state(login).balance()).isEqualTo(10_333.33);
		assertThat(f.engine.openTrades(login)).isEmpty();
		assertThat(f.engine.history(login)).extracting(TradeRecord::cmd)
			.containsExactly(TradeCommand.BALANCE, TradeCommand.SELL);
	}

	@Test
	void fixedSpreadSymbolsDeriveTheAskFromTheBid() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURGBP", 5).spread(15).build());
		f.quote("EURGBP", 0.87000, 0.87001);

		assertThat(f.engine.quote("EURGBP").orElseThrow().ask()).isEqualTo(0.87015);
	}
}

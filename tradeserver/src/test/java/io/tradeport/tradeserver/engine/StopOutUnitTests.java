package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.GroupConfig.MarginType;
import io.tradeport.tradeserver.engine.MarginLevel.LevelType;

/**
 * The common set-up: a USD account with 3,000, margin call at 100 %, stop-out at 50 %, long
 * EURUSD 1 lot at 1.10020 (margin 1,100.20) and long GBPUSD 1 lot at 1.25020 (margin 1,250.20):
 * 2,350.40 of margin in total.
 */
class StopOutUnitTests {

	private final EngineFixture f = EngineFixture.majors();
	private Login login;
	private Ticket eur;
	private Ticket gbp;

	private void openBothPositions() {
		login = f.account(1, 3_000);
		eur = f.buy(1, "EURUSD", 100);
		gbp = f.buy(1, "GBPUSD", 100);
		assertThat(f.margin(login).margin()).isEqualTo(2350.40);
	}

	@Test
	void marginCallIsFlaggedWhenTheLevelFallsToTheMarginCallLevel() {
		openBothPositions();

		// GBPUSD -1,020, EURUSD -20: equity 1,960, level 83.4 %
		f.quote("GBPUSD", 1.24000, 1.24020);

		assertThat(f.margin(login).levelType()).isEqualTo(LevelType.MARGIN_CALL);
		assertThat(f.events.levels).extracting(MarginLevel::levelType).containsExactly(LevelType.MARGIN_CALL);
		assertThat(f.engine.openTrades(login)).hasSize(2);

		f.quote("GBPUSD", 1.25000, 1.25020);
		assertThat(f.margin(login).levelType()).isEqualTo(LevelType.OK);
		assertThat(f.events.levels).extracting(MarginLevel::levelType)
			.containsExactly(LevelType.MARGIN_CALL, LevelType.OK);
	}

	@Test
	void stopOutClosesTheLargestLosingTradeFirst() {
		openBothPositions();
		// EURUSD -1,320: equity 1,660, level 70.6 %
		f.quote("EURUSD", 1.08700, 1.08720);
		assertThat(f.engine.openTrades(login)).hasSize(2);

		// GBPUSD -520: equity 1,160, level 49.35 %. The tick is on GBPUSD, the worst trade is EURUSD.
		f.quote("GBPUSD", 1.24500, 1.24520);

		TradeRecord closed = f.closed(eur);
		assertThat(closed.closePrice()).isEqualTo(1.08700);
		assertThat(closed.profit()).isEqualTo(-1320.00);
		assertThat(closed.comment()).isEqualTo("so: 49.4%/1160.00/2350.40");
		assertThat(f.engine.openTrade(gbp)).isPresent();
		// Balance 1,680, margin 1,250.20, equity 1,160: level 92.8 %, a margin call but no more stop-out.
		MarginLevel level = f.margin(login);
		assertThat(level.balance()).isEqualTo(1680.00);
		assertThat(level.equity()).isEqualTo(1160.00);
		assertThat(level.levelType()).isEqualTo(LevelType.MARGIN_CALL);
		assertThat(f.events.levels).extracting(MarginLevel::levelType)
			.containsExactly(LevelType.MARGIN_CALL, LevelType.STOP_OUT, LevelType.MARGIN_CALL);
	}

	@Test
	void stopOutRepeatsUntilTheLevelRecovers() {
		openBothPositions();
		f.quote("EURUSD", 1.09000, 1.09020);

		// GBPUSD -2,020, EURUSD -1,020: equity -40; closing GBPUSD alone leaves equity -40 on 1,100.20.
		f.quote("GBPUSD", 1.23000, 1.23020);

		assertThat(f.engine.openTrades(login)).isEmpty();
		assertThat(f.events.closed.stream().filter(t -> t.cmd().isMarket()).map(TradeRecord::ticket))
			.containsExactly(gbp, eur);
		assertThat(f.closed(gbp).comment()).startsWith("so: ");
		assertThat(f.closed(eur).comment()).isEqualTo("so: -3.6%/-40.00/1100.20");
		assertThat(f.state(login).balance()).isEqualTo(-40.00);
		assertThat(f.margin(login).levelType()).isEqualTo(LevelType.OK);
	}

	@Test
	void moneyModeComparesFreeMarginWithTheLevels() {
		f.group(group("usd", "USD").levels(MarginType.CURRENCY, 500, 100).build());
		login = f.account(1, 3_000);
		eur = f.buy(1, "EURUSD", 100);

		// Equity 1,480, free margin 379.80
		f.quote("EURUSD", 1.08500, 1.08520);
		assertThat(f.margin(login).levelType()).isEqualTo(LevelType.MARGIN_CALL);

		// Equity 1,180, free margin 79.80
		f.quote("EURUSD", 1.08200, 1.08220);
		assertThat(f.engine.openTrade(eur)).isEmpty();
		assertThat(f.closed(eur).profit()).isEqualTo(-1820.00);
		assertThat(f.state(login).balance()).isEqualTo(1180.00);
	}

	@Test
	void moneyModeCountsLossesEvenWhenTheFreeMarginModeIgnoresThem() {
		f.group(group("usd", "USD").levels(MarginType.CURRENCY, 500, 100)
			.freeMarginMode(GroupConfig.FreeMarginMode.DONT_USE).build());
		login = f.account(1, 3_000);
		eur = f.buy(1, "EURUSD", 100);

		f.quote("EURUSD", 1.08200, 1.08220);

		assertThat(f.engine.openTrade(eur)).isEmpty();
	}

	@Test
	void fullyHedgedAccountsAreSkippedWhenTheGroupSaysSo() {
		f.symbol(forex("EURUSD", 5).marginHedged(50_000).build())
			.group(group("usd", "USD").stopoutSkipHedged(true).build());
		login = f.account(1, 1_200);
		f.buy(1, "EURUSD", 100);
		f.sell(1, "EURUSD", 100);

		// A spread blow-out: the sell is valued at 1.10800 (-800), the buy at 1.10000 (-20): equity 380 on 1,100.10.
		f.quote("EURUSD", 1.10000, 1.10800);

		assertThat(f.engine.openTrades(login)).hasSize(2);
		assertThat(f.margin(login).levelType()).isEqualTo(LevelType.STOP_OUT);
	}

	@Test
	void closingOneLegOfAHedgeRaisesTheMarginSoStopOutUsuallyTakesBothLegs() {
		f.symbol(forex("EURUSD", 5).marginHedged(50_000).build());
		login = f.account(1, 1_200);
		Ticket buy = f.buy(1, "EURUSD", 100);
		Ticket sell = f.sell(1, "EURUSD", 100);

		f.quote("EURUSD", 1.10000, 1.10800);

		// The sell (-800) goes first; the lone buy then needs 1,100.20 against equity 380.
		assertThat(f.closed(sell).profit()).isEqualTo(-800.00);
		assertThat(f.closed(buy).comment()).isEqualTo("so: 34.5%/380.00/1100.20");
		assertThat(f.engine.openTrades(login)).isEmpty();
	}

	@Test
	void aTickOnAConversionSymbolCanStopOutAnAccountNotHoldingIt() {
		login = f.account(1, 2_500);
		Ticket cross = f.sell(1, "EURJPY", 100);
		// -250,000 JPY / USDJPY ask 150.020 = -1,666.44: equity 833.56 on 1,100.00 of margin, 75.8 %
		f.quote("EURJPY", 167.480, 167.500);
		assertThat(f.engine.openTrade(cross)).isPresent();

		// The yen strengthens: -250,000 / 125.020 = -1,999.68, equity 500.32, 45.5 %
		f.quote("USDJPY", 125.000, 125.020);

		assertThat(f.engine.openTrade(cross)).isEmpty();
		assertThat(f.closed(cross).comment()).isEqualTo("so: 45.5%/500.32/1100.00");
	}
}

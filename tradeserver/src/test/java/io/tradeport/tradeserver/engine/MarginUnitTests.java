package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.GroupConfig.FreeMarginMode;
import io.tradeport.tradeserver.engine.SymbolConfig.MarginMode;
import io.tradeport.tradeserver.engine.SymbolConfig.ProfitMode;

class MarginUnitTests {

	@Test
	void forexMarginIsContractOverLeverageConvertedFromTheBaseCurrencyAtTheAsk() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		Ticket ticket = f.buy(1, "EURUSD", 100);

		// 100,000 EUR / 100 = 1,000 EUR; * EURUSD ask 1.10020
		assertThat(f.margin(login).margin()).isEqualTo(1100.20);
		assertThat(f.trade(ticket).marginRate()).isEqualTo(1.10020);
	}

	@Test
	void forexSellMarginIsConvertedAtTheBid() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.sell(1, "EURUSD", 200);

		// 2 * 100,000 / 100 * 1.10000
		assertThat(f.margin(login).margin()).isEqualTo(2200.00);
	}

	@Test
	void usdBasePairNeedsNoConversionForAUsdAccount() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.buy(1, "USDJPY", 100);

		assertThat(f.margin(login).margin()).isEqualTo(1000.00);
	}

	@Test
	void accountLeverageOverridesTheGroupDefault() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.engine.putAccount(AccountConfig.of(1, "usd").withLeverage(500));
		f.buy(1, "USDJPY", 100);

		assertThat(f.margin(login).margin()).isEqualTo(200.00);
		assertThat(f.margin(login).leverage()).isEqualTo(500);
	}

	@Test
	void marginOfABaseCurrencyAccountNeedsNoRate() {
		EngineFixture f = EngineFixture.majors().group(group("eur", "EUR").build());
		Login login = f.account(1, "eur", 10_000);
		f.buy(1, "EURUSD", 100);

		assertThat(f.margin(login).margin()).isEqualTo(1000.00);
	}

	@Test
	void marginOfEurJpyInAUsdAccountUsesTheEurUsdRate() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.sell(1, "EURJPY", 100);

		// 1,000 EUR at EURUSD bid 1.10000
		assertThat(f.margin(login).margin()).isEqualTo(1100.00);
	}

	@Test
	void marginDoesNotMoveWithThePriceOnceOpen() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);

		f.quote("EURUSD", 1.20000, 1.20020);

		assertThat(f.margin(login).margin()).isEqualTo(1100.20);
	}

	@Test
	void marginInitialReplacesTheContractSizeForForex() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).marginInitial(50_000).build());
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);

		// 50,000 / 100 * 1.10020
		assertThat(f.margin(login).margin()).isEqualTo(550.10);
	}

	@Test
	void marginDividerDividesAndTheGroupOverrideWins() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).marginDivider(2).build());
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);
		assertThat(f.margin(login).margin()).isEqualTo(550.10);

		f.group(group("usd", "USD").symbolMargin("EURUSD", new GroupConfig.SymbolMargin(0, 0, 4)).build());

		assertThat(f.margin(login).margin()).isEqualTo(275.05);
	}

	@Test
	void cfdMarginIsOpenPriceTimesContractSizeWithoutLeverage() {
		EngineFixture f = EngineFixture.majors().symbol(SymbolConfig.builder("AAPL").digits(2).contractSize(100)
			.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD).currencies("USD", "USD").build());
		f.quote("AAPL", 200.00, 200.10);
		Login login = f.account(1, 100_000);
		f.buy(1, "AAPL", 100);

		// 1 lot * 200.10 * 100
		assertThat(f.margin(login).margin()).isEqualTo(20_010.00);
	}

	@Test
	void cfdMarginAndProfitInAForeignCurrencyAreConvertedIntoTheAccountCurrency() {
		EngineFixture f = EngineFixture.majors().symbol(SymbolConfig.builder("DE40").digits(1).contractSize(1)
			.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD).currencies("EUR", "EUR").build());
		f.quote("DE40", 18_000.0, 18_001.0);
		Login login = f.account(1, 100_000);
		Ticket ticket = f.buy(1, "DE40", 100);

		// 18,001.0 EUR * 1 * 1 lot, at the EURUSD ask 1.10020: 19,804.7002
		assertThat(f.margin(login).margin()).isEqualTo(19_804.70);
		f.quote("DE40", 18_101.0, 18_102.0);
		// 100 EUR at the EURUSD bid 1.10000
		assertThat(f.trade(ticket).profit()).isEqualTo(110.00);
	}

	@Test
	void cfdLeverageMarginIsCfdMarginOverLeverage() {
		EngineFixture f = EngineFixture.majors().symbol(SymbolConfig.builder("XAUUSD").digits(2).contractSize(100)
			.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD_LEVERAGE).currencies("USD", "USD").build());
		f.quote("XAUUSD", 2000.00, 2000.50);
		Login login = f.account(1, 100_000);
		f.buy(1, "XAUUSD", 200);

		// 2 lots * 2000.50 * 100 / 100
		assertThat(f.margin(login).margin()).isEqualTo(4001.00);
	}

	@Test
	void cfdIndexMarginScalesThePriceByTickValueOverTickSize() {
		EngineFixture f = EngineFixture.majors().symbol(SymbolConfig.builder("US30").digits(1).contractSize(1)
			.profitMode(ProfitMode.CFD).marginMode(MarginMode.CFD_INDEX).tick(2.5, 0.5).currencies("USD", "USD")
			.build());
		f.quote("US30", 35_000.0, 35_001.0);
		Login login = f.account(1, 100_000);
		Ticket ticket = f.buy(1, "US30", 10);

		// 0.1 lot * 35,001.0 * 1 * (2.5 / 0.5)
		assertThat(f.margin(login).margin()).isEqualTo(17_500.50);
		f.quote("US30", 35_101.0, 35_102.0);
		// CFD profit: (35,101 - 35,001) * 1 * 0.1
		assertThat(f.trade(ticket).profit()).isEqualTo(10.00);
	}

	@Test
	void futuresMarginIsPerLotInitialOrMaintenanceMarginRegardlessOfLeverage() {
		SymbolConfig.Builder cl = SymbolConfig.builder("CL").digits(2).contractSize(1000)
			.profitMode(ProfitMode.FUTURES).marginMode(MarginMode.FUTURES).marginInitial(5000).tick(10, 0.01)
			.currencies("USD", "USD");
		EngineFixture f = EngineFixture.majors().symbol(cl.build());
		f.quote("CL", 70.00, 70.02);
		Login login = f.account(1, 100_000);
		f.buy(1, "CL", 200);
		assertThat(f.margin(login).margin()).isEqualTo(10_000.00);

		f.symbol(cl.marginMaintenance(4000).build());

		assertThat(f.margin(login).margin()).isEqualTo(8000.00);
	}

	@Test
	void fullyHedgedForexCostsNothingWhenHedgedMarginIsZero() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);
		f.sell(1, "EURUSD", 100);

		assertThat(f.margin(login).margin()).isZero();
	}

	@Test
	void hedgedVolumeIsChargedAtTheHedgedMarginWithTheAverageRate() {
		EngineFixture f = EngineFixture.majors().symbol(forex("EURUSD", 5).marginHedged(50_000).build());
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);
		f.sell(1, "EURUSD", 100);

		// net 0, hedged 2 lots * 50,000 / 100 * average rate (1.10020 + 1.10000) / 2
		assertThat(f.margin(login).margin()).isEqualTo(1100.10);
	}

	@Test
	void onlyTheNetVolumeOfAPartlyHedgedSymbolPaysFullMargin() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 200);
		f.sell(1, "EURUSD", 100);

		// net 1 lot * 100,000 / 100 * (2 * 1.10020 + 1 * 1.10000) / 3 = 1,000 * 1.1001333
		assertThat(f.margin(login).margin()).isEqualTo(1100.13);
		assertThat(f.margin(login).volume()).isEqualTo(3.0);
	}

	@Test
	void hedgeLargeLegChargesTheBiggerLegAlone() {
		EngineFixture f = EngineFixture.majors().group(group("usd", "USD").hedgeLargeLeg(true).build());
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 200);
		f.sell(1, "EURUSD", 100);

		// max(2 lots at 1.10020 = 2,200.40, 1 lot at 1.10000 = 1,100.00)
		assertThat(f.margin(login).margin()).isEqualTo(2200.40);
	}

	@Test
	void marginsOfDifferentSymbolsAddUp() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);
		f.buy(1, "USDJPY", 100);
		f.sell(1, "USDJPY", 100);

		assertThat(f.margin(login).margin()).isEqualTo(1100.20);
	}

	@Test
	void freeMarginFollowsTheGroupFreeMarginMode() {
		assertThat(freeMargin(FreeMarginMode.USE_ALL, 1.09820)).isEqualTo(8699.80);
		assertThat(freeMargin(FreeMarginMode.DONT_USE, 1.09820)).isEqualTo(8899.80);
		assertThat(freeMargin(FreeMarginMode.USE_PROFIT, 1.09820)).isEqualTo(8899.80);
		assertThat(freeMargin(FreeMarginMode.USE_LOSS, 1.09820)).isEqualTo(8699.80);

		assertThat(freeMargin(FreeMarginMode.USE_ALL, 1.10500)).isEqualTo(9379.80);
		assertThat(freeMargin(FreeMarginMode.DONT_USE, 1.10500)).isEqualTo(8899.80);
		assertThat(freeMargin(FreeMarginMode.USE_PROFIT, 1.10500)).isEqualTo(9379.80);
		assertThat(freeMargin(FreeMarginMode.USE_LOSS, 1.10500)).isEqualTo(8899.80);
	}

	/** 10,000 deposit, EURUSD 1 lot bought at 1.10020 (margin 1,100.20), valued at {@code bid}. */
	private static double freeMargin(FreeMarginMode mode, double bid) {
		EngineFixture f = EngineFixture.majors().group(group("usd", "USD").freeMarginMode(mode).build());
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);
		f.quote("EURUSD", bid, bid + 0.0002);
		return f.margin(login).freeMargin();
	}

	@Test
	void marginLevelIsEquityOverMarginInPercent() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.buy(1, "EURUSD", 100);
		f.quote("EURUSD", 1.09820, 1.09840);

		MarginLevel level = f.margin(login);
		assertThat(level.equity()).isEqualTo(9800.00);
		// 9,800 / 1,100.20 * 100
		assertThat(level.marginLevel()).isCloseTo(890.747, org.assertj.core.data.Offset.offset(0.001));
		assertThat(level.balance()).isEqualTo(10_000.00);
	}

	@Test
	void marginLevelIsZeroWithoutMargin() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);

		assertThat(f.margin(login).marginLevel()).isZero();
		assertThat(f.margin(login).levelType()).isEqualTo(MarginLevel.LevelType.OK);
	}
}

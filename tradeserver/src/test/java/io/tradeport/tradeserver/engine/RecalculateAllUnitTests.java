package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RecalculateAllUnitTests {

	@Test
	void theParallelFullRecalculationAgreesWithTheIncrementalState() {
		EngineFixture f = EngineFixture.majors().group(group("eur", "EUR").build());
		String[] symbols = { "EURUSD", "GBPUSD", "USDJPY", "EURJPY" };
		int accounts = 20_000;
		for (int i = 1; i <= accounts; i++) {
			f.account(i, i % 3 == 0 ? "eur" : "usd", 50_000);
			for (int k = 0; k < 3; k++) {
				String symbol = symbols[(i + k) % symbols.length];
				if ((i + k) % 2 == 0) {
					f.buy(i, symbol, 10 + k);
				}
				else {
					f.sell(i, symbol, 10 + k);
				}
			}
		}
		f.quote("EURUSD", 1.10300, 1.10320).quote("USDJPY", 151.000, 151.020).quote("EURJPY", 166.000, 166.030);
		List<MarginLevel> incremental = levels(f, accounts);

		f.engine.recalculateAll();

		assertThat(levels(f, accounts)).isEqualTo(incremental);
		assertThat(f.engine.openTradeCount()).isEqualTo(3 * accounts);
		assertThat(incremental).allSatisfy(level -> assertThat(level.margin()).isPositive());
	}

	@Test
	void raisingTheGroupsStopOutLevelStopsOutAccountsNowBelowIt() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 1_200);
		f.buy(1, "EURUSD", 100);

		// Level 107 %: a stop-out level of 110 % stops it out; putGroup revalues the group's accounts.
		f.group(group("usd", "USD").levels(GroupConfig.MarginType.PERCENT, 120, 110).build());

		assertThat(f.engine.openTrades(login)).isEmpty();
		assertThat(f.state(login).balance()).isEqualTo(1_180.00);
	}

	@Test
	void aTickFanningOutToManyAccountsStillTriggersStopsAndStopOutsOnTheEngineThread() {
		EngineFixture f = EngineFixture.majors();
		int accounts = 10_000;
		for (int i = 1; i <= accounts; i++) {
			f.account(i, i == 2 ? 1_200 : 10_000);
		}
		Ticket withTakeProfit = f.open(OpenOrder.market(1, "EURUSD", TradeCommand.BUY, 100).withStops(0, 1.10300));
		Ticket poor = f.buy(2, "EURUSD", 100);
		for (int i = 3; i <= accounts; i++) {
			f.buy(i, "EURUSD", 10);
		}
		f.events.closed.clear();
		f.events.threads.clear();

		// Account 2: -520, equity 680 on 1,100.20 = 61.8 %; then -920: 25.4 %, stopped out.
		f.quote("EURUSD", 1.09500, 1.09520);
		f.quote("EURUSD", 1.09100, 1.09120);
		assertThat(f.closed(poor).comment()).isEqualTo("so: 25.4%/280.00/1100.20");

		f.quote("EURUSD", 1.10300, 1.10320);
		assertThat(f.closed(withTakeProfit).profit()).isEqualTo(280.00);
		assertThat(f.state(Login.of(accounts)).profit()).isEqualTo(28.00);
		assertThat(f.events.closed).extracting(TradeRecord::ticket).containsExactly(poor, withTakeProfit);
		assertThat(f.events.threads).containsExactly(Thread.currentThread().getName());
	}

	private static List<MarginLevel> levels(EngineFixture f, int accounts) {
		return IntStream.rangeClosed(1, accounts).mapToObj(i -> f.margin(Login.of(i))).toList();
	}
}

package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineEventsUnitTests {

	@Test
	void aPositionsLifeIsReportedAsOpenedModifiedClosedAndAccountChanged() {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 10_000);
		f.events.all.clear();

		Ticket ticket = f.buy(1, "EURUSD", 100);
		f.engine.modify(ModifyOrder.stops(ticket.value(), 1.09000, 0));
		f.quote("EURUSD", 1.10500, 1.10520);
		f.engine.close(ticket);

		assertThat(f.events.all).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("TradeRecord", "TradeRecord", "Quote", "TradeRecord", "AccountState");
		assertThat(f.events.opened).singleElement().satisfies(t -> {
			assertThat(t.ticket()).isEqualTo(ticket);
			assertThat(t.isOpen()).isTrue();
		});
		assertThat(f.events.modified).singleElement().extracting(TradeRecord::sl).isEqualTo(1.09000);
		assertThat(f.events.closed.getLast().isOpen()).isFalse();
		assertThat(f.events.accounts.getLast().login()).isEqualTo(login);
		assertThat(f.events.accounts.getLast().balance()).isEqualTo(10_480.00);
	}

	@Test
	void ticksAreReportedWithTheAppliedPrices() {
		EngineFixture f = EngineFixture.majors();

		f.quote("EURUSD", 1.123456, 1.123678);

		Quote quote = f.events.ticks.getLast();
		assertThat(quote.symbol()).isEqualTo("EURUSD");
		assertThat(quote.bid()).isEqualTo(1.12346);
		assertThat(quote.ask()).isEqualTo(1.12368);
		assertThat(quote.time()).isEqualTo(EngineFixture.TUESDAY_10_00);
	}

	@Test
	void unknownSymbolsAndBrokenPricesAreNotApplied() {
		EngineFixture f = EngineFixture.majors();

		assertThat(f.engine.tick("NOPE", 1, 1)).isFalse();
		assertThat(f.engine.tick("EURUSD", 0, 1.1)).isFalse();
		assertThat(f.engine.tick("EURUSD", Double.NaN, 1.1)).isFalse();
		assertThat(f.engine.quote("EURUSD").orElseThrow().bid()).isEqualTo(1.10000);
	}

	@Test
	void accountSettingChangesAreReported() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 0);

		f.engine.putAccount(AccountConfig.of(1, "usd").withLeverage(200));

		assertThat(f.events.accounts.getLast().leverage()).isEqualTo(200);
		assertThat(f.events.accounts.getLast().currency()).isEqualTo("USD");
	}

	@Test
	void accountsInUnknownGroupsAreAConfigurationError() {
		EngineFixture f = EngineFixture.majors();

		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> f.engine.putAccount(AccountConfig.of(1, "nope")));
	}

	@Test
	void snapshotsListEverythingAPumpingClientStartsFrom() {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		f.account(2, 5_000);
		Ticket position = f.buy(1, "EURUSD", 10);
		Ticket pending = f.open(OpenOrder.pending(2, "USDJPY", TradeCommand.SELL_LIMIT, 10, 151.000));

		assertThat(f.engine.accounts()).extracting(AccountState::login).containsExactly(Login.of(1), Login.of(2));
		assertThat(f.engine.marginLevels()).extracting(MarginLevel::margin).containsExactly(110.02, 0.0);
		assertThat(f.engine.allOpenTrades()).extracting(TradeRecord::ticket)
			.containsExactlyInAnyOrder(position, pending);
		assertThat(f.engine.symbols()).extracting(SymbolConfig::name)
			.containsExactly("EURUSD", "GBPUSD", "USDJPY", "EURJPY");
		assertThat(f.engine.groups()).extracting(GroupConfig::name).containsExactly("usd");
	}
}

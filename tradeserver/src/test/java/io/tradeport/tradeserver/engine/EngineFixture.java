package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.tradeport.tradeserver.MutableClock;

/**
 * An engine on a hand-moved clock, starting Tuesday 2026-11-24 10:00 UTC, with helpers that
 * assert the set-up steps succeed so each test shows only what it checks.
 */
final class EngineFixture {

	static final Instant TUESDAY_10_00 = Instant.parse("2026-11-24T10:00:00Z");

	final MutableClock clock = new MutableClock(TUESDAY_10_00);
	final RecordingListener events = new RecordingListener();
	final TradeEngine engine;

	EngineFixture() {
		this(EngineSettings.defaults());
	}

	EngineFixture(EngineSettings settings) {
		engine = new TradeEngine(clock, settings, events);
	}

	static GroupConfig.Builder group(String name, String currency) {
		return GroupConfig.builder(name, currency);
	}

	static SymbolConfig.Builder forex(String name, int digits) {
		return SymbolConfig.forex(name, digits);
	}

	EngineFixture group(GroupConfig config) {
		engine.putGroup(config);
		return this;
	}

	EngineFixture symbol(SymbolConfig config) {
		engine.putSymbol(config);
		return this;
	}

	EngineFixture quote(String symbol, double bid, double ask) {
		assertThat(engine.tick(symbol, bid, ask)).isTrue();
		return this;
	}

	/** The usual majors with quotes: EURUSD, GBPUSD, USDJPY, EURJPY, plus a USD group "usd". */
	static EngineFixture majors() {
		return new EngineFixture()
			.group(group("usd", "USD").build())
			.symbol(forex("EURUSD", 5).build())
			.symbol(forex("GBPUSD", 5).build())
			.symbol(forex("USDJPY", 3).build())
			.symbol(forex("EURJPY", 3).build())
			.quote("EURUSD", 1.10000, 1.10020)
			.quote("GBPUSD", 1.25000, 1.25020)
			.quote("USDJPY", 150.000, 150.020)
			.quote("EURJPY", 165.000, 165.030);
	}

	Login account(int login, String group, double deposit) {
		engine.putAccount(AccountConfig.of(login, group));
		if (deposit != 0) {
			assertThat(engine.balance(Login.of(login), deposit, "Deposit").isOk()).isTrue();
		}
		return Login.of(login);
	}

	Login account(int login, double deposit) {
		return account(login, "usd", deposit);
	}

	Ticket open(OpenOrder order) {
		TradeResult result = engine.open(order);
		assertThat(result.code()).isEqualTo(ReturnCode.OK);
		assertThat(result.ticket()).isNotNull();
		return result.ticket();
	}

	Ticket buy(int login, String symbol, int volume) {
		return open(OpenOrder.market(login, symbol, TradeCommand.BUY, volume));
	}

	Ticket sell(int login, String symbol, int volume) {
		return open(OpenOrder.market(login, symbol, TradeCommand.SELL, volume));
	}

	TradeRecord trade(Ticket ticket) {
		return engine.openTrade(ticket).orElseThrow();
	}

	TradeRecord closed(Ticket ticket) {
		return events.closed.stream().filter(t -> t.ticket().equals(ticket)).reduce((a, b) -> b).orElseThrow();
	}

	MarginLevel margin(Login login) {
		return engine.marginLevel(login).orElseThrow();
	}

	AccountState state(Login login) {
		return engine.account(login).orElseThrow();
	}
}

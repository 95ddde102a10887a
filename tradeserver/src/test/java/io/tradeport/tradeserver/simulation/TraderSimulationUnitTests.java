package io.tradeport.tradeserver.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineState;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.MarginLevel;
import io.tradeport.tradeserver.engine.ReturnCode;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeCommand;
import io.tradeport.tradeserver.MutableClock;
import io.tradeport.tradeserver.engine.TradeEngine;
import io.tradeport.tradeserver.engine.TradeRecord;
import io.tradeport.tradeserver.engine.TradeSessions;
import io.tradeport.tradeserver.feed.Instrument;
import io.tradeport.tradeserver.feed.PriceFeed;
import io.tradeport.tradeserver.journal.DurableEngine;

class TraderSimulationUnitTests {

	private static final List<String> SYMBOLS = List.of("EURUSD", "GBPUSD", "USDJPY");
	/** Friday 2026-11-27 00:00 UTC: the runs cross a weekend. */
	private static final Instant FRIDAY = Instant.parse("2026-11-27T00:00:00Z");
	private static final TradeSessions WEEKDAYS = TradeSessions.weekdays(new TradeSessions.Window(0, 24 * 60));

	private static PriceFeed feed() {
		return new PriceFeed(List.of(
				Instrument.forex("EURUSD", 5, 1.10, 0.25, 12).withSessions(WEEKDAYS),
				Instrument.forex("GBPUSD", 5, 1.27, 0.25, 15).withSessions(WEEKDAYS),
				Instrument.forex("USDJPY", 3, 150, 0.25, 14).withSessions(WEEKDAYS)), ZoneOffset.UTC, 5, FRIDAY);
	}

	private static void configure(TradeEngine engine) {
		engine.putGroup(GroupConfig.builder("retail", "USD").defaultLeverage(100).build());
		for (String symbol : SYMBOLS) {
			engine.putSymbol(SymbolConfig.forex(symbol, symbol.endsWith("JPY") ? 3 : 5).sessions(WEEKDAYS).stopsLevel(10)
				.swap(SymbolConfig.SwapType.POINTS, -5, 1).build());
		}
	}

	/** Runs traders and feed on one thread in 5-second steps, like a demo server's loops would. */
	private static TradeEngine simulate(int traders, long seed, Duration period, TraderSimulation[] out) {
		MutableClock clock = new MutableClock(FRIDAY);
		TradeEngine engine = new TradeEngine(clock, EngineSettings.defaults(), EngineListener.NONE);
		configure(engine);
		PriceFeed feed = feed();
		TraderSimulation simulation = new TraderSimulation(Venue.of(engine),
				SimulationConfig.retail(traders, "retail", SYMBOLS, seed), FRIDAY);
		int maxOnline = 0;
		for (Instant t = FRIDAY; t.isBefore(FRIDAY.plus(period)); t = t.plusSeconds(5)) {
			clock.set(t);
			feed.advanceTo(t, tick -> engine.tick(tick.symbol(), tick.bid(), tick.ask()));
			simulation.advanceTo(t);
			engine.processTimers();
			maxOnline = Math.max(maxOnline, simulation.online().size());
		}
		assertThat(maxOnline).isBetween(1, traders);
		out[0] = simulation;
		return engine;
	}

	@Test
	void aPopulationDepositsTradesAndWithdrawsOverSomeDays() {
		TraderSimulation[] simulation = new TraderSimulation[1];
		TradeEngine engine = simulate(150, 1, Duration.ofDays(4), simulation);

		SimulationStats stats = simulation[0].stats();
		assertThat(stats.logins()).isGreaterThan(150);
		assertThat(stats.deposits()).isGreaterThan(150);
		assertThat(stats.withdrawals()).isPositive();
		assertThat(stats.marketOrders()).isGreaterThan(1000);
		assertThat(stats.pendingOrders()).isPositive();
		assertThat(stats.closes()).isPositive();
		assertThat(stats.deletions()).isPositive();
		assertThat(stats.modifications()).isPositive();
		// The weekend closes the market, and some clients overtrade: refusals happen and are counted.
		assertThat(stats.refusals()).containsKey(ReturnCode.TRADE_MARKET_CLOSED);

		List<TradeRecord> history = engine.accounts().stream()
			.flatMap(a -> engine.history(a.login()).stream()).toList();
		assertThat(history).anySatisfy(t -> assertThat(t.comment()).endsWith("[sl]"));
		assertThat(history).anySatisfy(t -> assertThat(t.comment()).endsWith("[tp]"));
		assertThat(history).anySatisfy(t -> {
			assertThat(t.cmd()).isEqualTo(TradeCommand.BALANCE);
			assertThat(t.profit()).isNegative();
		});
		assertThat(history).anySatisfy(t -> assertThat(t.cmd()).isIn(TradeCommand.BUY_LIMIT, TradeCommand.SELL_LIMIT,
				TradeCommand.BUY_STOP, TradeCommand.SELL_STOP));
	}

	@Test
	void theEngineStaysConsistentWhateverTheTradersDo() {
		TradeEngine engine = simulate(150, 2, Duration.ofDays(4), new TraderSimulation[1]);

		for (EngineState.AccountImage account : engine.exportState().accounts()) {
			double booked = account.history().stream()
				.filter(t -> t.cmd() == TradeCommand.BALANCE || t.cmd().isMarket())
				.mapToDouble(t -> t.profit() + t.commission() + t.storage())
				.sum();
			assertThat(account.balance()).isCloseTo(booked, within(0.005));
			assertThat(account.openTrades()).allSatisfy(t -> assertThat(t.volume()).isPositive());
		}
		assertThat(engine.marginLevels()).filteredOn(level -> level.margin() > 0)
			.allSatisfy(level -> assertThat(level.levelType()).isNotEqualTo(MarginLevel.LevelType.STOP_OUT));
		var incremental = engine.accounts();
		engine.recalculateAll();
		assertThat(engine.accounts()).isEqualTo(incremental);
	}

	@Test
	void theSameSeedGivesTheSameServerState() {
		EngineState a = simulate(40, 3, Duration.ofDays(1), new TraderSimulation[1]).exportState();
		EngineState b = simulate(40, 3, Duration.ofDays(1), new TraderSimulation[1]).exportState();
		EngineState other = simulate(40, 4, Duration.ofDays(1), new TraderSimulation[1]).exportState();

		assertThat(a).isEqualTo(b);
		assertThat(other).isNotEqualTo(a);
	}

	@Test
	void tradersWorkThroughTheDurableEngineAndTheirTradesSurviveARestart(@TempDir Path directory) throws Exception {
		MutableClock clock = new MutableClock(FRIDAY.minus(Duration.ofDays(3))); // Tuesday: the market is open
		EngineState before;
		SimulationStats stats;
		try (DurableEngine engine = DurableEngine.open(directory, clock, EngineSettings.defaults(), EngineListener.NONE)) {
			engine.putGroup(GroupConfig.builder("retail", "USD").build()).join();
			for (String symbol : SYMBOLS) {
				engine.putSymbol(SymbolConfig.forex(symbol, symbol.endsWith("JPY") ? 3 : 5).build()).join();
			}
			PriceFeed feed = new PriceFeed(List.of(Instrument.forex("EURUSD", 5, 1.10, 0.25, 12),
					Instrument.forex("GBPUSD", 5, 1.27, 0.25, 15), Instrument.forex("USDJPY", 3, 150, 0.25, 14)),
					ZoneOffset.UTC, 9, clock.instant());
			TraderSimulation simulation = new TraderSimulation(Venue.of(engine),
					SimulationConfig.retail(20, "retail", SYMBOLS, 9), clock.instant());
			Instant end = clock.instant().plus(Duration.ofHours(4));
			for (Instant t = clock.instant(); t.isBefore(end); t = t.plusSeconds(5)) {
				clock.set(t);
				feed.advanceTo(t, tick -> engine.tick(tick.symbol(), tick.bid(), tick.ask()));
				simulation.advanceTo(t);
			}
			stats = simulation.stats();
			before = engine.exportState().join();
		}

		try (DurableEngine engine = DurableEngine.open(directory, clock, EngineSettings.defaults(), EngineListener.NONE)) {
			assertThat(engine.exportState().join()).isEqualTo(before);
		}
		assertThat(stats.marketOrders()).isPositive();
		assertThat(stats.deposits()).isPositive();
	}
}

package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EngineStateUnitTests {

	private static EngineFixture busyEngine() {
		EngineFixture f = EngineFixture.majors();
		f.engine.putSymbol(forexWithSwaps("AUDUSD"));
		f.quote("AUDUSD", 0.65000, 0.65020);
		f.account(1001, 10_000);
		f.account(1002, 5_000);
		f.engine.credit(Login.of(1002), 300, "bonus");
		f.buy(1001, "EURUSD", 100);
		Ticket partial = f.sell(1001, "USDJPY", 50);
		f.buy(1002, "AUDUSD", 30);
		f.open(OpenOrder.pending(1002, "EURUSD", TradeCommand.BUY_LIMIT, 20, 1.09000)
			.withExpiration(EngineFixture.TUESDAY_10_00.plus(Duration.ofDays(3))).withComment("limit"));
		f.clock.advance(Duration.ofHours(1));
		assertThat(f.engine.close(partial, 20).isOk()).isTrue();
		f.clock.advance(Duration.ofDays(1));
		f.engine.processTimers(); // a rollover charges swaps and resets the daily accumulators
		f.quote("EURUSD", 1.10100, 1.10120);
		f.engine.balance(Login.of(1001), -500, "withdrawal");
		return f;
	}

	private static SymbolConfig forexWithSwaps(String name) {
		return SymbolConfig.forex(name, 5).swapEnabled(true).swap(SymbolConfig.SwapType.POINTS, -3.5, 1.2).build();
	}

	@Test
	void aRestoredEngineExportsTheSameStateAndValuesAccountsTheSame() {
		EngineFixture f = busyEngine();
		EngineState state = f.engine.exportState();

		TradeEngine restored = TradeEngine.restore(state, f.clock, EngineSettings.defaults(), EngineListener.NONE);

		assertThat(restored.exportState()).isEqualTo(state);
		assertThat(restored.accounts()).isEqualTo(f.engine.accounts());
		assertThat(restored.marginLevels()).isEqualTo(f.engine.marginLevels());
		assertThat(restored.allOpenTrades()).containsExactlyInAnyOrderElementsOf(f.engine.allOpenTrades());
		assertThat(state.accounts().get(1).openTrades()).anySatisfy(t -> assertThat(t.storage()).isNegative());
	}

	@Test
	void aRestoredEngineContinuesExactlyLikeTheOriginal() {
		EngineFixture f = busyEngine();
		RecordingListener events = new RecordingListener();
		TradeEngine restored = TradeEngine.restore(f.engine.exportState(), f.clock, EngineSettings.defaults(), events);

		for (TradeEngine engine : new TradeEngine[] { f.engine, restored }) {
			assertThat(engine.open(OpenOrder.market(1002, "GBPUSD", TradeCommand.SELL, 10)).ticket()).isNotNull();
			engine.tick("EURUSD", 1.08990, 1.09000); // fills the buy limit
			engine.tick("USDJPY", 151.000, 151.020);
		}
		f.clock.advance(Duration.ofDays(3));
		f.engine.processTimers();
		restored.processTimers();

		assertThat(restored.exportState()).isEqualTo(f.engine.exportState());
		assertThat(events.opened).isNotEmpty();
		assertThat(events.reports).isNotEmpty();
	}
}

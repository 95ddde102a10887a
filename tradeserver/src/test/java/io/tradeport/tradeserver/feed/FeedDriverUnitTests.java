package io.tradeport.tradeserver.feed;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.EngineThread;
import io.tradeport.tradeserver.engine.Quote;
import io.tradeport.tradeserver.engine.SymbolConfig;
import io.tradeport.tradeserver.engine.TradeEngine;

class FeedDriverUnitTests {

	private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");

	@Test
	void theDriverPushesEveryTickThroughTheEngineThreadAndIntoTheHistory() throws Exception {
		// A clock an hour ahead of the feed's start: the driver's first run produces that whole hour.
		Clock clock = Clock.fixed(TUESDAY.plus(Duration.ofHours(1)), ZoneOffset.UTC);
		List<Quote> applied = new ArrayList<>();
		TradeEngine engine = new TradeEngine(clock, EngineSettings.defaults(), new EngineListener() {
			@Override
			public void tickApplied(Quote quote) {
				applied.add(quote);
			}
		});
		engine.putSymbol(SymbolConfig.forex("EURUSD", 5).build());
		PriceFeed feed = new PriceFeed(List.of(Instrument.forex("EURUSD", 5, 1.10, 0.08, 10)), ZoneOffset.UTC, 1, TUESDAY);
		MarketHistory history = new MarketHistory(ZoneOffset.UTC, 10_000, 100);
		List<Tick> expected = new ArrayList<>();
		new PriceFeed(feed.instruments(), ZoneOffset.UTC, 1, TUESDAY).advanceTo(clock.instant(), expected::add);

		try (EngineThread thread = new EngineThread(engine, "engine")) {
			FeedDriver driver = FeedDriver.start(feed, clock, Duration.ofMillis(10),
					FeedDriver.toEngine(thread).andThen(history::onTick));
			// Closing cancels runs that have not started yet, so first wait for the one that matters.
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
				.until(() -> history.ticks("EURUSD", TUESDAY, clock.instant().plusMillis(1)).size() >= expected.size());
			driver.close();
			Quote last = thread.submit(e -> e.quote("EURUSD").orElseThrow()).join();

			assertThat(applied).hasSize(expected.size());
			assertThat(last.bid()).isEqualTo(expected.getLast().bid());
			assertThat(last.ask()).isEqualTo(expected.getLast().ask());
		}
		assertThat(history.ticks("EURUSD", TUESDAY, clock.instant().plusMillis(1))).isEqualTo(expected);
		assertThat(history.bars("EURUSD", Timeframe.M1, TUESDAY, clock.instant())).hasSize(60);
	}
}

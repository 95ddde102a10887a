package io.tradeport.tradeserver.engine;

import static io.tradeport.tradeserver.engine.EngineFixture.forex;
import static io.tradeport.tradeserver.engine.EngineFixture.group;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.tradeport.tradeserver.engine.SymbolConfig.SwapType;

/**
 * Random trading, ticks and days, checking after every step that the incrementally maintained
 * state (tick deltas, the symbol index, cached margins) equals a recalculation from scratch.
 */
class IncrementalStateUnitTests {

	private static final String[] SYMBOLS = { "EURUSD", "GBPUSD", "USDJPY", "EURJPY" };
	private static final double[] MID = { 1.1, 1.25, 150, 165 };

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void randomTradingKeepsTheIncrementalStateEqualToAFullRecalculation(long seed) {
		Random random = new Random(seed);
		EngineFixture f = EngineFixture.majors()
			.group(group("eur", "EUR").levels(GroupConfig.MarginType.PERCENT, 100, 50).build())
			.group(group("hedged", "USD").hedgeLargeLeg(true).build())
			.symbol(forex("EURUSD", 5).swap(SwapType.POINTS, -5, 1).marginHedged(50_000).stopsLevel(5).build());
		String[] groups = { "usd", "eur", "hedged" };
		int accounts = 30;
		for (int i = 1; i <= accounts; i++) {
			f.account(i, groups[i % 3], 2_000 + random.nextInt(20_000));
		}
		double[] mid = MID.clone();
		for (int step = 0; step < 3_000; step++) {
			int login = 1 + random.nextInt(accounts);
			List<TradeRecord> open = f.engine.openTrades(Login.of(login));
			int action = random.nextInt(10);
			if (action < 4) {
				int s = random.nextInt(SYMBOLS.length);
				mid[s] *= 1 + (random.nextGaussian() * 0.002);
				double spread = mid[s] * 0.0002;
				f.engine.tick(SYMBOLS[s], mid[s] - spread / 2, mid[s] + spread / 2);
			}
			else if (action < 6) {
				String symbol = SYMBOLS[random.nextInt(SYMBOLS.length)];
				TradeCommand cmd = TradeCommand.ofCode(random.nextInt(6));
				Quote quote = f.engine.quote(symbol).orElseThrow();
				double offset = (quote.ask() - quote.bid()) * (5 + random.nextInt(50));
				double price = switch (cmd) {
					case BUY_LIMIT, SELL_STOP -> quote.bid() - offset;
					case SELL_LIMIT, BUY_STOP -> quote.ask() + offset;
					default -> 0;
				};
				f.engine.open(new OpenOrder(Login.of(login), symbol, cmd, 1 + random.nextInt(100), price, 0, 0, 0,
						random.nextBoolean() ? null : f.clock.instant().plus(Duration.ofHours(1 + random.nextInt(24))),
						"", 0));
			}
			else if (action < 8 && !open.isEmpty()) {
				TradeRecord trade = open.get(random.nextInt(open.size()));
				if (trade.cmd().isPending()) {
					f.engine.delete(trade.ticket());
				}
				else {
					f.engine.close(trade.ticket(), Math.max(1, random.nextInt(trade.volume() + 1)));
				}
			}
			else if (action == 8 && !open.isEmpty()) {
				TradeRecord trade = open.get(random.nextInt(open.size()));
				double price = trade.cmd().isBuy() ? trade.openPrice() * 0.98 : trade.openPrice() * 1.02;
				double target = trade.cmd().isBuy() ? trade.openPrice() * 1.01 : trade.openPrice() * 0.99;
				f.engine.modify(new ModifyOrder(trade.ticket(), trade.openPrice(), price, target, null));
			}
			else {
				f.clock.advance(Duration.ofMinutes(random.nextInt(180)));
				f.engine.processTimers();
			}
			assertConsistent(f, accounts);
		}
		assertThat(f.events.closed).isNotEmpty();
	}

	private static void assertConsistent(EngineFixture f, int accounts) {
		List<MarginLevel> incremental = levels(f, accounts);
		for (String symbol : SYMBOLS) {
			long holders = IntStream.rangeClosed(1, accounts)
				.filter(i -> f.engine.openTrades(Login.of(i)).stream().anyMatch(t -> t.symbol().equals(symbol)))
				.count();
			assertThat(f.engine.holderCount(symbol)).as("holders of %s", symbol).isEqualTo(holders);
		}
		for (int i = 1; i <= accounts; i++) {
			double floating = f.engine.openTrades(Login.of(i)).stream().filter(t -> t.cmd().isMarket())
				.mapToDouble(t -> t.profit() + t.storage() + t.commission()).sum();
			assertThat(f.state(Login.of(i)).profit()).isEqualTo(Money.round2(floating));
		}
		f.engine.recalculateAll();
		assertThat(levels(f, accounts)).isEqualTo(incremental);
	}

	private static List<MarginLevel> levels(EngineFixture f, int accounts) {
		List<MarginLevel> levels = new ArrayList<>();
		for (int i = 1; i <= accounts; i++) {
			levels.add(f.margin(Login.of(i)));
		}
		return levels;
	}
}

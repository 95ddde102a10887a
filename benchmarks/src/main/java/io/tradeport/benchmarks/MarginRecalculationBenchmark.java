package io.tradeport.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import io.tradeport.tradeserver.engine.TradeEngine;

/**
 * Margin work on a big book (see {@link Population}: 100,000 accounts, 1,000,000 open positions
 * over 20 symbols), on the engine's owner thread as in production; the engine itself fans
 * {@code recalculateAll} and big ticks out over the common fork-join pool.
 *
 * <ul>
 * <li>{@link #recalculateAll}: margin, floating profit and level of every account from scratch;
 *     the goal is one full pass within 50 ms.
 * <li>{@link #tickOneSymbol}: one quote of {@link Population#HOT}, held by one account in
 *     {@code oneIn}; with the symbol index it should cost about that share of a full pass.
 * <li>{@link #tickEverySymbol}: a batch of one quote per symbol, which between them reach every
 *     account, for comparison with a full pass.
 * </ul>
 *
 * <p>Each tick moves the price by 10 points and the next one moves it back, so every invocation
 * really changes every affected profit; no SL/TP or stop-out is near, so only the money model runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
public class MarginRecalculationBenchmark {

	@Param("100000")
	public int accounts;

	@Param("10")
	public int tradesPerAccount;

	/** One account in this many holds the ticked symbol. */
	@Param({ "10", "100" })
	public int oneIn;

	private Population population;
	private TradeEngine engine;
	private boolean up;

	@Setup
	public void populate() {
		long started = System.nanoTime();
		population = Population.configure(Tuesday.clock(), accounts, oneIn).fund().open(tradesPerAccount);
		engine = population.engine;
		System.out.printf("%n[margin] %,d accounts, %,d open trades, %,d hold %s; populated in %.1f s%n",
				engine.accountCount(), engine.openTradeCount(), population.hotHolders, Population.HOT,
				(System.nanoTime() - started) / 1e9);
		if (engine.openTradeCount() != accounts * tradesPerAccount) {
			throw new IllegalStateException("population incomplete: " + engine.openTradeCount());
		}
	}

	@Benchmark
	public void recalculateAll() {
		engine.recalculateAll();
	}

	@Benchmark
	public boolean tickOneSymbol() {
		up = !up;
		return tick(Population.HOT);
	}

	@Benchmark
	public int tickEverySymbol() {
		up = !up;
		int applied = 0;
		for (String symbol : population.symbols) {
			applied += tick(symbol) ? 1 : 0;
		}
		return applied;
	}

	private boolean tick(String symbol) {
		double bid = up ? 1.10100 : 1.10000;
		return engine.tick(symbol, bid, bid + 0.00015);
	}
}

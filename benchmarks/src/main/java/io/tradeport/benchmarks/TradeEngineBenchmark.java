package io.tradeport.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import io.tradeport.tradeserver.engine.TradeEngine;

/**
 * The engine's own ceiling: the same round trips called directly on {@link TradeEngine} from the
 * one thread that owns it, with no queue hand-off at all. Single-threaded by design (the engine
 * is), so run it with one thread only. The round trips go round all the {@link Trader} accounts,
 * and the engine is fresh every iteration: at millions of transactions a second one account's
 * spreads and everyone's in-memory history would otherwise dominate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TradeEngineBenchmark {

	private TradeEngine engine;
	private Trader[] traders;
	private int current;
	private Trader.Transactions transactions;

	@Setup(Level.Iteration)
	public void start() {
		engine = DemoEngine.create(Tuesday.clock());
		AtomicInteger logins = new AtomicInteger();
		traders = new Trader[Trader.ACCOUNTS];
		for (int i = 0; i < traders.length; i++) {
			traders[i] = new Trader(logins);
		}
		current = 0;
		transactions = new Trader.Transactions() {
			@Override
			public int open(int login, String symbol, boolean buy) {
				return DemoEngine.open(engine, login, symbol, buy);
			}

			@Override
			public void close(int ticket) {
				DemoEngine.close(engine, ticket);
			}
		};
	}

	@Benchmark
	public int transaction() {
		Trader trader = traders[current];
		int ticket = trader.next(transactions);
		if (!trader.holding()) {
			current = (current + 1) % traders.length;
		}
		return ticket;
	}
}

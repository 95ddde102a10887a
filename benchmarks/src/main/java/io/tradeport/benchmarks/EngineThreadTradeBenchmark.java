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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import io.tradeport.tradeserver.engine.EngineThread;

/**
 * The same-run baseline for {@link GatewayTradeBenchmark}: the same callers, accounts and round
 * trips, queued to the engine's single writer thread and awaited exactly as the gateway does for
 * each call, but in-process: no gRPC, sessions, rights, journal or event consumers.
 *
 * <p>A fresh engine every iteration: at this rate the closed trades' history (kept in memory, as
 * MT4 does) would otherwise grow by gigabytes over a run and turn the measurement into one of GC.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class EngineThreadTradeBenchmark {

	private EngineThread engine;
	private Trader.Transactions transactions;
	private final AtomicInteger logins = new AtomicInteger();

	@Setup(Level.Iteration)
	public void start() {
		engine = new EngineThread(DemoEngine.create(Tuesday.clock()), "trade-engine");
		transactions = new Trader.Transactions() {
			@Override
			public int open(int login, String symbol, boolean buy) {
				return engine.submit(e -> DemoEngine.open(e, login, symbol, buy)).join();
			}

			@Override
			public void close(int ticket) {
				engine.execute(e -> DemoEngine.close(e, ticket)).join();
			}
		};
	}

	@TearDown(Level.Iteration)
	public void stop() throws InterruptedException {
		engine.close();
	}

	@State(Scope.Thread)
	public static class Caller {

		Trader trader;

		@Setup
		public void assign(EngineThreadTradeBenchmark benchmark) {
			trader = new Trader(benchmark.logins);
		}

		@Setup(Level.Iteration)
		public void reset() {
			trader.reset();
		}
	}

	@Benchmark
	public int transaction(Caller caller) {
		return caller.trader.next(transactions);
	}
}

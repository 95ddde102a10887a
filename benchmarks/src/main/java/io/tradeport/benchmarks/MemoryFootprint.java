package io.tradeport.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Retained heap of the {@link Population} book: used heap after full collections, measured
 * before the accounts exist, after they are created and funded, and after their positions are
 * opened. The last step, divided by the number of positions, is what one open trade costs: the
 * trade object, its slot in the ticket map and the account's order list, and the symbol index.
 *
 * <p>Run alone, not under JMH: {@code java -cp benchmarks/target/benchmarks.jar
 * io.tradeport.benchmarks.MemoryFootprint [accounts] [trades per account]}.
 */
public final class MemoryFootprint {

	private MemoryFootprint() {
	}

	public static void main(String[] args) throws InterruptedException {
		int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int tradesPerAccount = args.length > 1 ? Integer.parseInt(args[1]) : 10;
		long empty = usedAfterGc();
		Population population = Population.configure(Tuesday.clock(), accounts, 10).fund();
		long funded = usedAfterGc();
		population.open(tradesPerAccount);
		long loaded = usedAfterGc();
		int trades = population.engine.openTradeCount();
		System.out.printf("heap %s, collector %s%n", Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB",
				ManagementFactory.getGarbageCollectorMXBeans().getFirst().getName());
		System.out.printf("accounts: %,d (funded, no positions): %,.1f MB, %,.0f bytes per account%n", accounts,
				(funded - empty) / 1e6, (double) (funded - empty) / accounts);
		System.out.printf("open trades: %,d: %,.1f MB, %,.0f bytes per open trade%n", trades, (loaded - funded) / 1e6,
				(double) (loaded - funded) / trades);
		System.out.printf("whole engine: %,.1f MB%n", (loaded - empty) / 1e6);
		System.out.printf("bytes-per-trade=%d%n", Math.round((double) (loaded - funded) / trades));
		System.out.printf("engine-mb=%.1f%n", (loaded - empty) / 1e6);
		// Keeps the book reachable until after the last measurement.
		if (population.engine.accountCount() != accounts) {
			throw new IllegalStateException();
		}
	}

	/** Several full collections until the figure settles: one may leave finalizable or soft garbage. */
	private static long usedAfterGc() throws InterruptedException {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			long now = runtime.totalMemory() - runtime.freeMemory();
			if (Math.abs(now - used) < 64 * 1024) {
				return now;
			}
			used = now;
		}
		return used;
	}
}

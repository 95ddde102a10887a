package io.tradeport.tradeserver.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.tradeport.tradeserver.engine.AccountConfig;
import io.tradeport.tradeserver.engine.EngineListener;
import io.tradeport.tradeserver.engine.EngineSettings;
import io.tradeport.tradeserver.engine.GroupConfig;
import io.tradeport.tradeserver.engine.Login;
import io.tradeport.tradeserver.engine.SymbolConfig;

/**
 * A rough measurement, not a test: acknowledged balance operations per second with fsync, for
 * 1..N client threads that each wait for their acknowledgement before sending the next, and
 * journaled feed ticks per second.
 * Arguments: seconds per round, client counts (e.g. {@code 3 1 8 64}).
 */
final class JournalThroughput {

	public static void main(String[] args) throws Exception {
		long seconds = Long.parseLong(args[0]);
		ticks(200_000);
		for (int a = 1; a < args.length; a++) {
			int clients = Integer.parseInt(args[a]);
			Path directory = Files.createTempDirectory("journal-throughput");
			try (DurableEngine engine = DurableEngine.open(directory, Clock.systemUTC(), EngineSettings.defaults(),
					EngineListener.NONE)) {
				engine.putGroup(GroupConfig.builder("demo", "USD").build()).join();
				for (int login = 1; login <= clients; login++) {
					engine.putAccount(AccountConfig.of(login, "demo")).join();
				}
				AtomicLong acks = new AtomicLong();
				long syncsBefore = engine.journalSyncs();
				long end = System.nanoTime() + seconds * 1_000_000_000L;
				List<Thread> threads = new ArrayList<>();
				for (int login = 1; login <= clients; login++) {
					Login who = Login.of(login);
					threads.add(Thread.ofPlatform().start(() -> {
						while (System.nanoTime() < end) {
							engine.balance(who, 10, "deposit").join();
							acks.incrementAndGet();
						}
					}));
				}
				for (Thread thread : threads) {
					thread.join();
				}
				long syncs = engine.journalSyncs() - syncsBefore;
				System.out.printf("%3d clients: %8.0f acknowledged/s, %6.0f fsyncs/s, %.1f commands per fsync%n", clients,
						acks.get() / (double) seconds, syncs / (double) seconds, acks.get() / (double) Math.max(1, syncs));
			}
			delete(directory);
		}
	}

	/** Feed ticks are journaled but not awaited: how many per second the engine thread takes with the journal. */
	private static void ticks(int count) throws Exception {
		Path directory = Files.createTempDirectory("journal-throughput");
		try (DurableEngine engine = DurableEngine.open(directory, Clock.systemUTC(), EngineSettings.defaults(),
				EngineListener.NONE)) {
			engine.putSymbol(SymbolConfig.forex("EURUSD", 5).build()).join();
			for (int round = 0; round < 2; round++) { // the first round warms up
				long start = System.nanoTime();
				CompletableFuture<Boolean> last = null;
				for (int i = 0; i < count; i++) {
					double bid = 1.1 + (i % 100) / 100_000.0;
					last = engine.tick("EURUSD", bid, bid + 0.0001);
				}
				last.join();
				double elapsed = (System.nanoTime() - start) / 1e9;
				System.out.printf("ticks: %8.0f applied and journaled/s%n", count / elapsed);
			}
		}
		delete(directory);
	}

	private static void delete(Path directory) throws java.io.IOException {
		try (var files = Files.list(directory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(directory);
	}
}

package io.tradeport.tradeserver.engine;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class EngineThreadUnitTests {

	@Test
	void commandsFromManyThreadsRunOneAtATimeOnTheEngineThread() throws Exception {
		EngineFixture f = EngineFixture.majors();
		Login login = f.account(1, 0);
		Set<String> threads = ConcurrentHashMap.newKeySet();
		List<CompletableFuture<TradeResult>> results = new ArrayList<>();

		try (EngineThread thread = new EngineThread(f.engine, "engine")) {
			List<Thread> clients = new ArrayList<>();
			for (int c = 0; c < 4; c++) {
				Thread client = Thread.ofPlatform().start(() -> {
					for (int i = 0; i < 250; i++) {
						CompletableFuture<TradeResult> result = thread.submit(engine -> {
							threads.add(Thread.currentThread().getName());
							return engine.balance(login, 1, "");
						});
						synchronized (results) {
							results.add(result);
						}
					}
				});
				clients.add(client);
			}
			for (Thread client : clients) {
				client.join();
			}
			CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
			assertThat(thread.submit(engine -> engine.account(login).orElseThrow().balance()).get()).isEqualTo(1000.0);
		}
		assertThat(threads).containsExactly("engine");
		assertThat(results).allSatisfy(r -> assertThat(r.join().isOk()).isTrue());
	}

	@Test
	void timersRunOnTheEngineThreadAndExpireOrders() throws Exception {
		EngineFixture f = EngineFixture.majors();
		f.account(1, 10_000);
		Ticket ticket = f.open(OpenOrder.pending(1, "EURUSD", TradeCommand.BUY_LIMIT, 10, 1.09000)
			.withExpiration(EngineFixture.TUESDAY_10_00.plusSeconds(60)));

		try (EngineThread thread = new EngineThread(f.engine, "engine")) {
			thread.startTimers(Duration.ofMillis(5));
			f.clock.advance(Duration.ofMinutes(2));
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
				.until(() -> thread.submit(engine -> engine.openTrade(ticket).isEmpty()).get());
		}
		assertThat(f.closed(ticket).comment()).isEqualTo("[expired]");
		assertThat(f.events.threads).containsExactlyInAnyOrder("engine", Thread.currentThread().getName());
	}
}

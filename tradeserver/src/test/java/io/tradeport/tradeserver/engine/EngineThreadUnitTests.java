package io.tradeport.tradeserver.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
}
